// fathom: the desktop workbench.
#include "analysiscontroller.h"
#include "common/error.h"
#include "common/logging.h"
#include "common/paths.h"
#include "common/versions.h"
#include "mainwindow.h"
#include "sonar/simulator.h"
#include "startup.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

#include <fstream>

namespace {

fathom::StartupOptions parseOptions(QCommandLineParser& parser, const QApplication& app)
{
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("Device: auto, cpu, cuda, cuda:N or mps."),
                                    QStringLiteral("device"));
    const QCommandLineOption env(QStringLiteral("env"), QStringLiteral("Environment profile: local, gpu or cloud."),
                                 QStringLiteral("name"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("A config file layered over the environment."),
                                    QStringLiteral("file"));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Override one setting: key.path=value."),
                                 QStringLiteral("assignment"));
    const QCommandLineOption level(QStringLiteral("log-level"), QStringLiteral("trace, debug, info, warn or error."),
                                   QStringLiteral("level"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("User interface language: en or ko."),
                                  QStringLiteral("code"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo survey (written on first use)."));
    parser.setApplicationDescription(QStringLiteral("Fathom, the seabed survey workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({device, env, config, set, level, lang, demo});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A sidescan file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);
    fathom::StartupOptions options;
    options.device = parser.value(device).toStdString();
    options.environment = parser.value(env).toStdString();
    options.configFile = parser.value(config).toStdString();
    for (const auto& assignment : parser.values(set))
        options.overrides.push_back(assignment.toStdString());
    options.logLevel = parser.value(level).toStdString();
    return options;
}

QString initialLanguage(const QString& fromCommandLine)
{
    if (!fromCommandLine.isEmpty())
        return fromCommandLine;
    const auto saved = QSettings().value(QStringLiteral("language")).toString();
    if (!saved.isEmpty())
        return saved;
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

// The demo survey lives in the state folder and is written by the simulator the first time (and
// again when this version writes a different one: the marker file says which).
constexpr const char* kDemoVersion = "2";

std::filesystem::path demoFolder()
{
    const auto dir = fathom::paths::stateDir() / "demo";
    const auto marker = dir / "demo-version";
    std::ifstream in(marker);
    std::string version;
    std::getline(in, version);
    if (!std::filesystem::exists(dir / "survey.xtf") || version != kDemoVersion) {
        fathom::logging::info("Writing the demo survey to " + dir.string());
        std::filesystem::remove_all(dir / "models");
        fathom::sonar::writeDemoSurvey(dir, {});
        std::ofstream(marker) << kDemoVersion << "\n";
    }
    return dir;
}

// The demo's series, with models trained in the background the first time (a minute on two
// cores) and alerts over the series once they are.
void openDemoSeries(fathom::MainWindow& window, const std::filesystem::path& dir)
{
    const auto sensors = QString::fromStdString((dir / "sensors.csv").string());
    const auto models = QString::fromStdString((dir / "models").string());
    fathom::TrainingPanel::Settings settings;
    settings.data = sensors;
    settings.target = QStringLiteral("altitude_m");
    settings.labels = QStringLiteral("fault");
    settings.skip = {QStringLiteral("ping")};
    settings.models = {QStringLiteral("rule"), QStringLiteral("spike")};
    settings.lookback = 32;
    settings.epochs = 12;
    settings.learningRate = 2e-3;
    window.trainingPanel()->setSettings(settings);
    auto* analysis = window.analysis();
    const auto trained = dir / "models" / "spike" / "weights.pt";
    if (std::filesystem::exists(trained)) {
        analysis->setActiveModel(QString::fromStdString((dir / "models" / "spike").string()));
    } else {
        auto once = std::make_shared<QMetaObject::Connection>();
        auto* panel = window.trainingPanel();
        *once = QObject::connect(analysis, &fathom::AnalysisController::seriesOpened, analysis, [=] {
            QObject::disconnect(*once);
            auto chosen = settings;
            chosen.batch = panel->settings().batch; // the device profile's
            analysis->train(chosen);
        });
    }
    window.openSeries(sensors, models);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Fathom"));
    QApplication::setApplicationName(QStringLiteral("Fathom"));
    QApplication::setApplicationVersion(QString::fromStdString(fathom::fathomVersion()));
    QApplication::setDesktopFileName(QStringLiteral("org.fathom.Fathom"));

    QCommandLineParser parser;
    auto options = parseOptions(parser, app);
    std::unique_ptr<fathom::Startup> startup;
    try {
        startup = fathom::start(options);
    } catch (const fathom::Error& e) {
        // The window still opens, on the settings that could be read.
        QMessageBox::warning(nullptr, QStringLiteral("Fathom"), QString::fromStdString(e.what()));
        options.configFile.clear();
        options.overrides.clear();
        startup = fathom::start(options);
        startup->warnings.insert(startup->warnings.begin(), e.what());
    }

    fathom::MainWindow window(*startup);
    window.setLanguage(initialLanguage(parser.value(QStringLiteral("lang"))));
    const auto saved = QSettings().value(QStringLiteral("device")).toString();
    if (options.device.empty() && !saved.isEmpty())
        window.requestDevice(saved);
    window.show();
    QString survey = parser.positionalArguments().value(0);
    if (survey.isEmpty() && parser.isSet(QStringLiteral("demo"))) {
        try {
            const auto dir = demoFolder();
            survey = QString::fromStdString((dir / "survey.xtf").string());
            openDemoSeries(window, dir);
        } catch (const std::exception& e) {
            fathom::logging::error(std::string("The demo survey could not be written: ") + e.what());
        }
    }
    if (!survey.isEmpty())
        window.openSurvey(survey);
    return app.exec();
}
