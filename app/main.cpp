// fathom: the desktop workbench.
#include "benchseries.h"
#include "common/blaskernels.h"
#include "common/error.h"
#include "common/logging.h"
#include "common/versions.h"
#include "demo.h"
#include "mainwindow.h"
#include "startup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

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
    const QCommandLineOption bench(QStringLiteral("bench-series"),
                                   QStringLiteral("Measure the series plot's frame times with ROWS points per channel, "
                                                  "print them and exit."),
                                   QStringLiteral("rows"));
    const QCommandLineOption responsiveness(
        QStringLiteral("bench-responsiveness"),
        QStringLiteral("Train on the demo series while probing the event loop; print the figures and exit."));
    parser.addOptions({device, env, config, set, level, lang, demo, bench, responsiveness});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A project (.fathom) or a sidescan file to open."),
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

// When the autosave was written, as the UI's language writes a date ("Tuesday, November 24, 2026
// 12:02 AM", "2026년 11월 24일 화요일 오전 12:02").
QString savedAt(const QDateTime& when)
{
    const QLocale locale;
    return locale.toString(when.date(), QLocale::LongFormat) + QLatin1Char(' ') +
           locale.toString(when.time(), QLocale::ShortFormat);
}

// After a crash the autosaved work is offered back.
bool offerAutosave(fathom::MainWindow& window)
{
    const auto autosave = fathom::MainWindow::autosavePath();
    if (!QFileInfo::exists(autosave))
        return false;
    const auto origin = QSettings().value(QStringLiteral("autosaveOrigin")).toString();
    const auto answer = QMessageBox::question(
        &window, QCoreApplication::translate("fathom::MainWindow", "Restore Unsaved Work"),
        QCoreApplication::translate("fathom::MainWindow",
                                    "Fathom did not close properly last time. Restore the work it saved on %1?")
            .arg(savedAt(QFileInfo(autosave).lastModified())));
    if (answer == QMessageBox::Yes)
        return window.restoreAutosave(autosave, origin);
    QFile::remove(autosave);
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    fathom::chooseBlasKernels(argv); // may start this program again with faster kernels
    fathom::reuseLargeBlocks();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Fathom"));
    QApplication::setApplicationName(QStringLiteral("Fathom"));
    QApplication::setApplicationVersion(QString::fromStdString(fathom::fathomVersion()));
    QApplication::setDesktopFileName(QStringLiteral("org.fathom.Fathom"));

    QCommandLineParser parser;
    auto options = parseOptions(parser, app);
    if (parser.isSet(QStringLiteral("bench-series"))) {
        std::fputs(qPrintable(fathom::benchSeriesPlot(parser.value(QStringLiteral("bench-series")).toInt())), stdout);
        return 0;
    }
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
    const auto bf16 = QSettings().value(QStringLiteral("compute/bf16Inference"));
    if (bf16.isValid()) // the menu's choice, once made, over compute.inference_precision
        window.setCpuBf16Inference(bf16.toBool());
    window.show();
    if (parser.isSet(QStringLiteral("bench-responsiveness"))) {
        std::fputs(qPrintable(fathom::benchResponsiveness(window)), stdout);
        return 0;
    }
    if (offerAutosave(window))
        return app.exec();
    const QString file = parser.positionalArguments().value(0);
    if (file.endsWith(QLatin1String(".fathom"))) {
        window.openProject(file);
    } else if (!file.isEmpty()) {
        window.openSurvey(file);
    } else if (parser.isSet(QStringLiteral("demo"))) {
        try {
            fathom::openDemo(window, fathom::demoFolder());
        } catch (const std::exception& e) {
            fathom::logging::error(std::string("The demo survey could not be written: ") + e.what());
        }
    }
    return app.exec();
}
