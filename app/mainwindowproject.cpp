// MainWindow's project side: open, save, recent projects, autosave and crash recovery.
#include "analysiscontroller.h"
#include "common/error.h"
#include "common/logging.h"
#include "common/paths.h"
#include "contactscontroller.h"
#include "demo.h"
#include "logtext.h"
#include "mainwindow.h"
#include "ml/cnndetector.h"
#include "project/project.h"
#include "seriesplot.h"
#include "surveycontroller.h"
#include "trainingpanel.h"
#include "waterfallview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace fathom {

namespace {

constexpr int kRecentProjects = 8;

std::filesystem::path pathOf(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

QString qpath(const std::filesystem::path& p)
{
    return QString::fromStdString(p.string());
}

QStringList toQt(const std::vector<std::string>& v)
{
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out;
}

std::vector<std::string> fromQt(const QStringList& list)
{
    std::vector<std::string> out;
    for (const auto& s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

QString MainWindow::autosavePath()
{
    return qpath(paths::stateDir() / "autosave.fathom");
}

bool MainWindow::openProject(const QString& file)
{
    project::Project p;
    try {
        p = project::load(pathOf(file));
    } catch (const Error& e) {
        logging::error(e.what());
        showError(tr("Open Project"),
                  tr("The project %1 could not be opened. What was open stays open.").arg(QFileInfo(file).fileName()),
                  QString::fromStdString(e.what()), QStringLiteral("projectError"));
        return false;
    }
    m_projectPath = file;
    m_contacts->setContacts(p.contacts);
    m_contacts->setDetectorModel(p.detectorModel.empty() ? QString()
                                                         : QString::fromStdString(p.detectorModel.string()));
    m_contacts->setDetection(p.detection);
    const auto& t = p.training;
    TrainingPanel::Settings settings;
    QStringList data;
    for (const auto& file : t.data)
        data << qpath(file);
    settings.data = data.isEmpty() ? qpath(p.series) : TrainingPanel::joinDataFiles(data);
    settings.target = QString::fromStdString(t.target);
    settings.labels = QString::fromStdString(t.labels);
    settings.models = toQt(t.models);
    settings.skip = toQt(t.skip);
    settings.lookback = t.lookback;
    settings.epochs = t.epochs;
    settings.batch = t.batch;
    settings.learningRate = t.learningRate;
    settings.accumulate = t.accumulate;
    settings.sizes = t.sizes;
    settings.split = QString::fromStdString(t.split);
    const auto here = m_trainingPanel->settings(); // where to run stays this machine's choice
    settings.remoteHost = here.remoteHost;
    settings.remoteCli = here.remoteCli;
    m_trainingPanel->setSettings(settings);
    QVector<AnalysisController::ReviewedAlert> alerts;
    for (const auto& a : p.alerts)
        alerts.append({a.start, a.end, a.peak, a.startRow, a.endRow, a.peakRow, a.score,
                       QString::fromStdString(a.channels), QString::fromStdString(a.model),
                       QString::fromStdString(a.status), QString::fromStdString(a.note)});
    m_analysis->setAlertRules(p.alertRules, false); // the project's alerts were found by them
    m_analysis->setAlerts(alerts);
    m_pendingChannels = toQt(p.visibleChannels);
    m_pendingStart = p.viewStart;
    m_pendingEnd = p.viewEnd;
    m_pendingPing = p.ping;
    // Inputs that moved are offered for locating; everything else opens as saved.
    const bool seriesMissing = !p.series.empty() && !std::filesystem::exists(p.series);
    const bool surveyMissing = !p.survey.empty() && !std::filesystem::exists(p.survey);
    if (!p.series.empty()) {
        m_analysis->setModelsFolder(qpath(p.modelsFolder.empty() ? p.series.parent_path() / "models" : p.modelsFolder));
        const bool modelThere = p.activeModel.empty() || std::filesystem::exists(p.activeModel / "weights.pt");
        if (!modelThere)
            logtext::warn(QT_TRANSLATE_NOOP("Log", "%1: the active model %2 is gone"), {file, qpath(p.activeModel)});
        // The reviewed alerts stay as saved: the active model is run again only when asked.
        m_analysis->setActiveModel(modelThere ? qpath(p.activeModel) : QString(), p.alerts.empty());
        if (!seriesMissing)
            m_analysis->openSeries(qpath(p.series));
    }
    if (!p.survey.empty() && !surveyMissing)
        openSurvey(qpath(p.survey));
    m_analysis->undoStack()->clear();
    setWindowModified(false);
    if (seriesMissing || surveyMissing)
        offerToLocate(seriesMissing ? qpath(p.series) : QString(), surveyMissing ? qpath(p.survey) : QString());
    retranslate();
    addRecentProject(file);
    statusBar()->showMessage(tr("Opened project %1").arg(QFileInfo(file).fileName()), 8000);
    return true;
}

void MainWindow::offerToLocate(const QString& series, const QString& survey)
{
    QStringList missing;
    for (const auto& path : {series, survey})
        if (!path.isEmpty())
            missing << path;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Inputs Moved"),
                                tr("These files of the project are not where it says:\n%1\n\nLocate them? The "
                                   "alerts, reviews and models stay as they are either way.")
                                    .arg(missing.join(QLatin1Char('\n'))),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("missingInputs"));
    auto* locate = box->addButton(tr("Locate…"), QMessageBox::AcceptRole);
    box->addButton(tr("Skip"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, locate, series, survey](QAbstractButton* button) {
        if (button != static_cast<QAbstractButton*>(locate))
            return;
        const auto find = [this](const QString& was, const QString& filter) {
            return QFileDialog::getOpenFileName(this, tr("Locate %1").arg(QFileInfo(was).fileName()),
                                                QFileInfo(was).absolutePath(), filter);
        };
        if (!series.isEmpty()) {
            const auto found = find(series, tr("Sensor series (*.csv *.tsv *.txt);;All files (*)"));
            if (!found.isEmpty()) {
                m_analysis->openSeries(found);
                markModified();
            }
        }
        if (!survey.isEmpty()) {
            const auto found = find(survey, tr("Sidescan files (*.xtf *.XTF *.jsf *.JSF);;All files (*)"));
            if (!found.isEmpty()) {
                openSurvey(found);
                markModified();
            }
        }
    });
    box->open();
}

void MainWindow::applyPendingView()
{
    if (!m_pendingChannels.isEmpty() && !m_analysis->seriesPath().isEmpty()) {
        m_seriesPlot->setVisibleChannels(m_pendingChannels);
        if (m_pendingEnd > m_pendingStart)
            m_seriesPlot->setXRange(m_pendingStart, m_pendingEnd);
        m_pendingChannels.clear();
    }
    if (m_pendingPing >= 0 && m_survey->file()) {
        m_waterfall->goToPing(m_pendingPing);
        m_pendingPing = -1;
    }
}

project::Project MainWindow::currentProject() const
{
    project::Project p;
    p.survey = pathOf(m_surveyPath);
    p.series = pathOf(m_analysis->seriesPath());
    p.modelsFolder = pathOf(m_analysis->modelsFolder());
    p.activeModel = pathOf(m_analysis->activeModel());
    const auto s = m_trainingPanel->settings();
    p.training = {s.target.toStdString(),
                  s.labels.toStdString(),
                  fromQt(s.models),
                  fromQt(s.skip),
                  s.lookback,
                  s.epochs,
                  s.batch,
                  s.learningRate,
                  s.accumulate,
                  s.split.toStdString(),
                  s.sizes,
                  {}};
    // Several files trained on as one data set are kept; the series alone needs no note.
    if (const auto files = s.dataFiles(); files.size() > 1)
        for (const auto& file : files)
            p.training.data.push_back(pathOf(file));
    for (const auto& a : m_analysis->alerts())
        p.alerts.push_back({a.start, a.end, a.peak, a.startRow, a.endRow, a.peakRow, a.score, a.channels.toStdString(),
                            a.model.toStdString(), a.status.toStdString(), a.note.toStdString()});
    p.alertRules = m_analysis->alertRules();
    p.contacts = m_contacts->contacts();
    p.detection = m_contacts->detection();
    if (m_contacts->detectorModel() != QString::fromStdString(ml::shippedDetectorDir().string()))
        p.detectorModel = pathOf(m_contacts->detectorModel());
    p.visibleChannels = fromQt(m_seriesPlot->visibleChannels());
    std::tie(p.viewStart, p.viewEnd) = m_seriesPlot->xRange();
    if (m_survey->file())
        p.ping = m_waterfall->currentRequest().firstPing;
    return p;
}

bool MainWindow::saveProject(const QString& file)
{
    const auto p = currentProject();
    try {
        project::save(p, pathOf(file));
    } catch (const Error& e) {
        logging::error(e.what());
        showError(tr("Save Project"),
                  tr("The project could not be saved as %1. Your work stays open in the window; save it elsewhere.")
                      .arg(QFileInfo(file).fileName()),
                  QString::fromStdString(e.what()), QStringLiteral("projectError"));
        return false;
    }
    if (file != autosavePath()) {
        m_projectPath = file;
        m_analysis->undoStack()->setClean();
        setWindowModified(false);
        retranslate();
        addRecentProject(file);
        statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(file).fileName()), 5000);
    }
    return true;
}

bool MainWindow::saveCurrentProject()
{
    return m_projectPath.isEmpty() ? saveProjectAs() : saveProject(m_projectPath);
}

bool MainWindow::saveProjectAs()
{
    QSettings settings;
    const auto file = QFileDialog::getSaveFileName(
        this, tr("Save Project"),
        m_projectPath.isEmpty() ? settings.value(QStringLiteral("project/folder")).toString() : m_projectPath,
        tr("Fathom projects (*.fathom)"));
    if (file.isEmpty())
        return false;
    const auto withSuffix = file.endsWith(QLatin1String(".fathom")) ? file : file + QStringLiteral(".fathom");
    settings.setValue(QStringLiteral("project/folder"), QFileInfo(withSuffix).absolutePath());
    return saveProject(withSuffix);
}

void MainWindow::chooseProject()
{
    if (!confirmClose())
        return;
    QSettings settings;
    const auto file = QFileDialog::getOpenFileName(this, tr("Open Project"),
                                                   settings.value(QStringLiteral("project/folder")).toString(),
                                                   tr("Fathom projects (*.fathom);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("project/folder"), QFileInfo(file).absolutePath());
    openProject(file);
}

void MainWindow::openDemoSurvey()
{
    if (!confirmClose())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor); // written the first time: a second or two
    try {
        openDemo(*this, demoFolder());
    } catch (const std::exception& e) {
        logging::error(e.what());
        showError(tr("Open Demo Survey"), tr("The demo survey could not be written."), QString::fromUtf8(e.what()),
                  QStringLiteral("demoError"));
    }
    QApplication::restoreOverrideCursor();
}

void MainWindow::addRecentProject(const QString& file)
{
    QSettings settings;
    auto recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(file);
    recent.prepend(file);
    settings.setValue(QStringLiteral("recentProjects"), recent.mid(0, kRecentProjects));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const auto recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const auto& file : recent) {
        auto* action = m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] {
            if (confirmClose())
                openProject(file);
        });
        action->setToolTip(file);
        action->setEnabled(QFileInfo::exists(file));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::markModified()
{
    setWindowModified(true);
}

void MainWindow::autosave()
{
    if (!isWindowModified())
        return;
    if (saveProject(autosavePath())) {
        QSettings().setValue(QStringLiteral("autosaveOrigin"), m_projectPath);
        logging::debug("Autosaved to " + autosavePath().toStdString());
    }
}

bool MainWindow::restoreAutosave(const QString& autosave, const QString& origin)
{
    if (!openProject(autosave))
        return false;
    m_projectPath = origin; // saving goes back to the project the analyst was working on
    setWindowModified(true);
    retranslate();
    return true;
}

bool MainWindow::beginNewProject(const std::function<void()>& clear, const char* logSource)
{
    if (!confirmClose())
        return false;
    clear();
    m_analysis->undoStack()->clear(); // its steps point at what is gone
    m_projectPath.clear();            // saving asks where: the old project keeps what it had
    setWindowModified(false);
    retranslate();
    logtext::info(logSource);
    return true;
}

bool MainWindow::confirmClose()
{
    if (!isWindowModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Changes"), tr("The project has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    return answer == QMessageBox::Discard || saveCurrentProject();
}

} // namespace fathom
