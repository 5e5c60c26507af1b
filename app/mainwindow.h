#pragma once

#include <QMainWindow>
#include <QPointer>

#include "project/project.h"

#include <functional>
#include <map>

class QProgressBar;
class QToolButton;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;
class QTranslator;

namespace fathom {

class AlertTable;
class AnalysisController;
class ContactCloseUp;
class ContactGallery;
class ContactTable;
class ContactsController;
class DeviceManager;
class SeriesPlot;
class TrainingPanel;
class DeviceMonitor;
class DevicePanel;
class LogView;
class ReportDialog;
class AlertSettingsDialog;
class DetectionSettingsDialog;
class RetrainDialog;
class SurveyController;
class WaterfallView;
struct DeviceSample;
struct Startup;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Startup& startup, QWidget* parent = nullptr);
    ~MainWindow() override;

    // "en" or "ko": installs the translation and retranslates every open widget.
    void setLanguage(const QString& code);
    QString language() const { return m_language; }
    // Makes a device active as the Devices dock does: "auto", "cpu", "cuda:0", "mps".
    void requestDevice(const QString& request);
    // Tools → Active Device → bf16 Inference on the CPU: every later forecast and alert run on the
    // CPU in bf16 (fast with Intel AMX) or fp32 (compute.inference_precision), remembered.
    void setCpuBf16Inference(bool on);
    // Opens a sidescan file in the background; the waterfall and the Survey dock show it.
    void openSurvey(const QString& path);
    // Opens a sensor series (CSV/TSV) in the series plot; trained models go to `modelsFolder`.
    void openSeries(const QString& path, const QString& modelsFolder = {});
    AnalysisController* analysis() const { return m_analysis; }

    // Projects (.fathom): the survey, series, models, reviewed alerts and view. Both return false
    // after telling the user what went wrong; the window keeps what it had.
    bool openProject(const QString& file);
    bool saveProject(const QString& file);
    QString projectPath() const { return m_projectPath; }
    // File → Open Survey's work once a file is chosen. A survey other than the one whose contacts are
    // listed begins a project of its own: the project is saved or let go first (as before opening
    // another project), then its contacts leave the list, so none is drawn over the new file's pings
    // or saved as its. False when the analyst cancels.
    bool switchSurvey(const QString& path);
    // File → Open Sensor Series's, the same for a series other than the one whose alerts are listed:
    // saved or let go first, then its alerts leave the list (the active model, if any, is run on the
    // new series for its own).
    bool switchSeries(const QString& path);
    // Written every minute while there are unsaved changes; removed on a clean exit.
    static QString autosavePath();
    void autosave();
    // Restores an autosaved state: its content, with `origin` as the project it belongs to.
    bool restoreAutosave(const QString& autosave, const QString& origin);
    // The contacts as GeoJSON, KML or CSV (by the extension); asks for a file when none is given.
    bool exportContacts(const QString& file = {});
    // The project as it stands in the window (what Save writes).
    project::Project currentProject() const;
    // File -> Report…: the dialog, not modal; the same one again while it is open.
    ReportDialog* showReportDialog();
    // File -> Export Survey Mosaic… / Waterfall Image…: in the background; false when there is no
    // survey or no file was chosen. `done` (for tests) runs when it is written or failed.
    bool exportMosaic(const QString& file = {}, std::function<void(bool)> done = {});
    // The alerts as GeoJSON, KML or CSV, placed where the towfish was when the survey covers them.
    bool exportAlerts(const QString& file = {});
    // Tools -> Retrain Detector: fine-tunes the CNN detector on the confirmed contacts in the
    // background (a dialog shows progress and losses); the result lands in the project's models
    // folder and is used from then on. Returns the dialog, or nullptr when there is no survey.
    RetrainDialog* retrainDetector();
    // Tools → Detection Settings: window-modal; accepted settings that differ are kept with the
    // project and, with a survey open, contacts are proposed again with them.
    DetectionSettingsDialog* editDetectionSettings();
    AlertSettingsDialog* editAlertSettings(); // Tools → Alert Settings (not modal)
    // Tools -> Contact Gallery: every contact up close in a grid (the same one again while it is
    // open); nullptr when there is no survey.
    ContactGallery* showContactGallery();
    SeriesPlot* seriesPlot() const { return m_seriesPlot; }
    AlertTable* alertTable() const { return m_alertTable; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    ContactTable* contactTable() const { return m_contactTable; }
    ContactCloseUp* contactCloseUp() const { return m_closeUp; }
    ContactsController* contacts() const { return m_contacts; }

    DevicePanel* devicePanel() const { return m_devicePanel; }
    WaterfallView* waterfall() const { return m_waterfall; }
    SurveyController* survey() const { return m_survey; }
    QDockWidget* dock(const QString& objectName) const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void retranslate();
    void nameUndoActions(); // "Undo Confirm alert" in the UI's language
    void restoreLayout();
    void saveLayout() const;
    void resetLayout();
    void onSample(const DeviceSample& sample);
    void showSelection(); // the Devices dock and the status bar follow the manager's selection
    void showAbout();
    // Help → Open Demo Survey: the simulated line, its sensors and project (written the first time).
    void openDemoSurvey();
    void copyDeviceReport();
    void forwardLog(int level, const QString& time, const QString& text);
    void chooseSurvey();
    void surveyOpened(const QString& path, const QString& summary, qint64 pings, double range);
    void surveyFailed(const QString& path, const QString& message);
    void showHover(qint64 ping, int side, double range);
    void showMeasurement(double pingA, int sideA, double rangeA, double pingB, int sideB, double rangeB);
    double groundRangeOf(double ping, double viewRange) const;
    void markContact(double firstPing, double lastPing, int side, double nearRange, double farRange);
    // The waterfall's context menu away from any contact: Mark Contact Here.
    void offerMarkContact(QMenu* menu, int markIndex, double ping, int side, double range);
    // The chosen contact up close in the Survey dock, rendered on a worker (the newest wins).
    void showCloseUp(int index);
    void goToPing();
    void goToTime();
    void chooseSeries();
    void chooseTrainingData(); // the Training dock's "…": one file or several to train on
    // A warning that leaves the window usable: `headline`, in the UI's language, says what failed
    // and what is kept; `detail` (the file and what was wrong in it, often from the core in English)
    // stands below it.
    void showError(const QString& title, const QString& headline, const QString& detail, const QString& objectName);
    void chooseProject();
    bool saveProjectAs();
    bool saveCurrentProject();
    void addRecentProject(const QString& file);
    void fillRecentMenu();
    void markModified();
    void applyPendingView();
    void offerToLocate(const QString& series, const QString& survey);
    bool confirmClose();
    // Before another survey or series than the project's: the project saved or let go (false: the
    // analyst cancelled), then `clear` empties what was its, and the window holds a new, unsaved one.
    bool beginNewProject(const std::function<void()>& clear,
                         const char* logSource); // logSource: a QT_TRANSLATE_NOOP("Log", …) text
    void connectAnalysis();
    void showMomentInSurvey(double time);
    QString magnetometerNear(double time) const;
    void showComparison(const QStringList& models, const QVector<QStringList>& rows);

    Startup& m_startup;
    DeviceManager& m_devices;
    DeviceMonitor* m_monitor = nullptr;
    DevicePanel* m_devicePanel = nullptr;
    LogView* m_logView = nullptr;
    std::map<QString, QDockWidget*> m_docks;
    std::map<QString, QLabel*> m_emptyStates;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_toolsMenu = nullptr;
    QMenu* m_deviceMenu = nullptr;
    QActionGroup* m_deviceGroup = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_showLogAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_copyReportAction = nullptr;
    QAction* m_goToPingAction = nullptr;
    QAction* m_goToTimeAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    WaterfallView* m_waterfall = nullptr;
    SeriesPlot* m_seriesPlot = nullptr;
    AlertTable* m_alertTable = nullptr;
    ContactTable* m_contactTable = nullptr;
    ContactCloseUp* m_closeUp = nullptr;
    quint64 m_closeUpRequest = 0;
    QString m_closeUpBox; // the box (and file) of the picture the close-up shows; empty: none
    ContactsController* m_contacts = nullptr;
    QAction* m_detectAction = nullptr;
    QAction* m_showClassicalAction = nullptr;
    QAction* m_showCnnAction = nullptr;
    QAction* m_bf16Action = nullptr;
    QAction* m_retrainAction = nullptr;
    QAction* m_detectionSettingsAction = nullptr;
    QAction* m_alertSettingsAction = nullptr;
    QAction* m_exportContactsAction = nullptr;
    QAction* m_reportAction = nullptr;
    QAction* m_exportMosaicAction = nullptr;
    QAction* m_exportAlertsAction = nullptr;
    QPointer<ReportDialog> m_reportDialog;
    QPointer<ContactGallery> m_gallery;
    QAction* m_galleryAction = nullptr;
    TrainingPanel* m_trainingPanel = nullptr;
    AnalysisController* m_analysis = nullptr;
    QMenu* m_editMenu = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_markAnomalyAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_openSeriesAction = nullptr;
    QAction* m_openProjectAction = nullptr;
    QAction* m_saveProjectAction = nullptr;
    QAction* m_saveProjectAsAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QString m_projectPath;
    QTimer* m_autosaveTimer = nullptr;
    // View state from a project, applied once its series and survey are open.
    QStringList m_pendingChannels;
    double m_pendingStart = 0, m_pendingEnd = 0;
    qint64 m_pendingPing = -1;
    SurveyController* m_survey = nullptr;
    QAction* m_openAction = nullptr;
    QString m_surveyPath;
    QLabel* m_deviceLabel = nullptr;
    QLabel* m_memoryLabel = nullptr;
    // While contacts are looked for: how far, and Cancel (the contacts then stay as they were).
    void createDetectionProgress();
    QProgressBar* m_detectionBar = nullptr;
    QToolButton* m_detectionCancel = nullptr;
    QTranslator* m_translator = nullptr;
    QTranslator* m_qtTranslator = nullptr;
    QString m_language = QStringLiteral("en");
    QByteArray m_defaultState;
    int m_logListener = -1;
};

} // namespace fathom
