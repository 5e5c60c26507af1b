#include "demo.h"

#include "analysiscontroller.h"
#include "common/logging.h"
#include "common/paths.h"
#include "contactscontroller.h"
#include "logtext.h"
#include "mainwindow.h"
#include "project/project.h"
#include "sonar/simulator.h"
#include "surveycontroller.h"
#include "trainingpanel.h"

#include <fstream>
#include <memory>
#include <string>

namespace fathom {

namespace {

// The demo survey lives in the state folder and is written by the simulator the first time (and
// again when this version writes a different one: the marker file says which), with its project.
constexpr const char* kDemoVersion = "3";

void writeDemoProject(const std::filesystem::path& dir)
{
    project::Project p;
    p.survey = dir / "survey.xtf";
    p.series = dir / "sensors.csv";
    p.modelsFolder = dir / "models";
    p.training = {"altitude_m", "fault", {"rule", "spike"}, {"ping"}, 32, 12, 32, 2e-3};
    p.visibleChannels = {"altitude_m", "depth_m", "roll_deg", "sound_velocity_mps", "turbidity_ntu"};
    project::save(p, dir / "demo.fathom");
}

} // namespace

std::filesystem::path demoFolder()
{
    const auto dir = paths::stateDir() / "demo";
    const auto marker = dir / "demo-version";
    std::ifstream in(marker);
    std::string version;
    std::getline(in, version);
    if (!std::filesystem::exists(dir / "survey.xtf") || version != kDemoVersion) {
        logtext::info(QT_TRANSLATE_NOOP("Log", "Writing the demo survey to %1"),
                      {QString::fromStdString(dir.string())});
        std::filesystem::remove_all(dir / "models");
        sonar::writeDemoSurvey(dir, {});
        writeDemoProject(dir);
        std::ofstream(marker) << kDemoVersion << "\n";
    }
    if (!std::filesystem::exists(dir / "demo.fathom"))
        writeDemoProject(dir);
    return dir;
}

// The demo project, with its models trained in the background the first time (a minute on two
// cores) and their alerts over the series once they are.
void openDemo(MainWindow& window, const std::filesystem::path& dir)
{
    if (!window.openProject(QString::fromStdString((dir / "demo.fathom").string())))
        return;
    // The demo proposes its contacts once the line is indexed, unless the project already has them.
    if (window.contacts()->contacts().empty()) {
        auto indexed = std::make_shared<QMetaObject::Connection>();
        *indexed = QObject::connect(window.survey(), &SurveyController::completed, &window, [&window, indexed] {
            QObject::disconnect(*indexed);
            window.contacts()->detect(window.survey()->file());
        });
    }
    auto* analysis = window.analysis();
    const auto spike = dir / "models" / "spike";
    if (std::filesystem::exists(spike / "weights.pt")) {
        if (analysis->activeModel().isEmpty())
            analysis->setActiveModel(QString::fromStdString(spike.string()));
        return;
    }
    auto once = std::make_shared<QMetaObject::Connection>();
    auto* panel = window.trainingPanel();
    *once = QObject::connect(analysis, &AnalysisController::seriesOpened, analysis, [=] {
        QObject::disconnect(*once);
        auto settings = panel->settings(); // the project's settings, the device profile's batch
        settings.remoteHost.clear();       // the demo trains here, whatever host was used last
        analysis->train(settings);
    });
}

} // namespace fathom
