#include "mainwindow.h"

#include "aboutdialog.h"
#include "alerttable.h"
#include "analysiscontroller.h"
#include "common/error.h"
#include "common/logging.h"
#include "contactscontroller.h"
#include "contacttable.h"
#include "device/devicemanager.h"
#include "devicemonitor.h"
#include "devicepanel.h"
#include "logview.h"
#include "ml/models.h"
#include "seriesplot.h"
#include "shortcutsdialog.h"
#include "startup.h"
#include "surveycontroller.h"
#include "trainingpanel.h"
#include "waterfallview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>
#include <QUrl>

namespace fathom {

namespace {

const char* const kDockNames[] = {"survey", "devices", "training", "contacts", "alerts", "log"};

} // namespace

MainWindow::MainWindow(Startup& startup, QWidget* parent)
    : QMainWindow(parent)
    , m_startup(startup)
    , m_devices(*startup.devices)
    , m_translator(new QTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fathom.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_waterfall = new WaterfallView(this);
    m_seriesPlot = new SeriesPlot(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("centralSplit"));
    split->addWidget(m_waterfall);
    split->addWidget(m_seriesPlot);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    m_survey = new SurveyController(this);
    try {
        m_survey->setLayback(QString::fromStdString(startup.config.getString("sonar.layback", "recorded")));
    } catch (const Error& e) {
        logging::warn(e.what());
    }
    connect(m_waterfall, &WaterfallView::viewRequested, m_survey, &SurveyController::render);
    connect(m_survey, &SurveyController::rendered, m_waterfall, &WaterfallView::setImage);
    connect(m_survey, &SurveyController::opened, this, &MainWindow::surveyOpened);
    connect(m_survey, &SurveyController::failed, this, &MainWindow::surveyFailed);
    connect(m_survey, &SurveyController::pingCountChanged, m_waterfall, &WaterfallView::setPingCount);
    connect(m_survey, &SurveyController::completed, this, [this](const QString& summary, qint64 pings) {
        m_waterfall->setPingCount(pings);
        m_waterfall->refreshOverview(); // now of the whole file
        if (auto* facts = findChild<QTextBrowser*>(QStringLiteral("surveyFacts")))
            facts->setHtml(summary);
    });
    connect(m_waterfall, &WaterfallView::hovered, this, &MainWindow::showHover);
    connect(m_waterfall, &WaterfallView::measured, this, &MainWindow::showMeasurement);
    connect(m_waterfall, &WaterfallView::boxDrawn, this, &MainWindow::markContact);
    connect(m_waterfall, &WaterfallView::contextMenuAbout, this, &MainWindow::offerMarkContact);
    createDocks();
    m_analysis = new AnalysisController(m_seriesPlot, m_alertTable, m_trainingPanel, this);
    m_contacts = new ContactsController(m_contactTable, m_waterfall, m_analysis->undoStack(), this);
    m_contacts->setDeviceProvider([this] { return QString::fromStdString(m_devices.selection().id); });
    connectAnalysis();
    createMenus();
    createStatusBar();

    m_devicePanel->setCpuInferencePrecision(QString::fromStdString(ml::cpuInferencePrecision()));
    m_devicePanel->setDevices(m_devices.devices(), m_devices.buildInfo(), m_devices.choices());
    m_devicePanel->setHistorySeconds(double(startup.config.getInt("monitor.history_seconds", 300)));
    connect(m_devicePanel, &DevicePanel::deviceRequested, this, &MainWindow::requestDevice);

    m_logListener = logging::addListener(
        [this](const logging::Record& record) {
            const auto level = static_cast<int>(record.level);
            const auto time = QString::fromStdString(record.time);
            const auto text = QString::fromStdString(record.shown.empty() ? record.text : record.shown);
            QMetaObject::invokeMethod(
                this, [this, level, time, text] { forwardLog(level, time, text); }, Qt::QueuedConnection);
        },
        true);

    m_monitor = new DeviceMonitor(m_devices, int(startup.config.getInt("monitor.interval_ms", 500)), this);
    connect(m_monitor, &DeviceMonitor::sampled, this, &MainWindow::onSample);
    m_monitor->start();

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(int(startup.config.getInt("project.autosave_seconds", 60)) * 1000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer->start();

    retranslate();
    m_defaultState = saveState();
    restoreLayout();
    if (!startup.warnings.empty())
        statusBar()->showMessage(QString::fromStdString(startup.warnings.front()), 15000);
}

MainWindow::~MainWindow()
{
    logging::removeListener(m_logListener);
    if (m_monitor)
        m_monitor->stop();
}

void MainWindow::createDocks()
{
    for (const char* name : kDockNames) {
        auto* dock = new QDockWidget(this);
        dock->setObjectName(QStringLiteral("dock_%1").arg(QLatin1String(name)));
        m_docks[QLatin1String(name)] = dock;
    }
    for (const char* name : {"survey"}) {
        auto* label = new QLabel(this);
        label->setObjectName(QStringLiteral("empty_%1").arg(QLatin1String(name)));
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        label->setMargin(12);
        label->setEnabled(false);
        m_emptyStates[QLatin1String(name)] = label;
        m_docks[QLatin1String(name)]->setWidget(label);
    }
    m_trainingPanel = new TrainingPanel(this);
    auto* trainingScroll = new QScrollArea(this); // a short screen still reaches every setting
    trainingScroll->setWidget(m_trainingPanel);
    trainingScroll->setWidgetResizable(true);
    trainingScroll->setFrameShape(QFrame::NoFrame);
    m_docks[QStringLiteral("training")]->setWidget(trainingScroll);
    m_alertTable = new AlertTable(this);
    m_docks[QStringLiteral("alerts")]->setWidget(m_alertTable);
    m_contactTable = new ContactTable(this);
    m_docks[QStringLiteral("contacts")]->setWidget(m_contactTable);
    m_devicePanel = new DevicePanel(this);
    m_docks[QStringLiteral("devices")]->setWidget(m_devicePanel);
    m_logView = new LogView(this);
    m_docks[QStringLiteral("log")]->setWidget(m_logView);

    addDockWidget(Qt::LeftDockWidgetArea, m_docks[QStringLiteral("survey")]);
    addDockWidget(Qt::RightDockWidgetArea, m_docks[QStringLiteral("devices")]);
    addDockWidget(Qt::RightDockWidgetArea, m_docks[QStringLiteral("training")]);
    tabifyDockWidget(m_docks[QStringLiteral("devices")], m_docks[QStringLiteral("training")]);
    m_docks[QStringLiteral("devices")]->raise();
    addDockWidget(Qt::BottomDockWidgetArea, m_docks[QStringLiteral("contacts")]);
    tabifyDockWidget(m_docks[QStringLiteral("contacts")], m_docks[QStringLiteral("alerts")]);
    tabifyDockWidget(m_docks[QStringLiteral("alerts")], m_docks[QStringLiteral("log")]);
    m_docks[QStringLiteral("log")]->raise();
    // The first time: 1400 × 900, or the screen's free area where that is smaller (a 1366 × 768
    // laptop), the side docks narrower with it. A remembered geometry replaces this later.
    QSize size(1400, 900);
    if (const auto* where = screen())
        size = size.boundedTo(where->availableGeometry().size());
    const int side = size.width() >= 1400 ? 240 : 200, devices = size.width() >= 1400 ? 460 : 380;
    resizeDocks({m_docks[QStringLiteral("survey")], m_docks[QStringLiteral("devices")]}, {side, devices},
                Qt::Horizontal);
    resizeDocks({m_docks[QStringLiteral("log")]}, {size.height() >= 900 ? 180 : 140}, Qt::Vertical);
    resize(size);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openProjectAction = m_fileMenu->addAction(QString(), this, &MainWindow::chooseProject);
    m_openProjectAction->setShortcut(QKeySequence::Open);
    m_recentMenu = m_fileMenu->addMenu(QString());
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    m_saveProjectAction = m_fileMenu->addAction(QString(), this, &MainWindow::saveCurrentProject);
    m_saveProjectAction->setShortcut(QKeySequence::Save);
    m_saveProjectAsAction = m_fileMenu->addAction(QString(), this, &MainWindow::saveProjectAs);
    m_saveProjectAsAction->setShortcut(QKeySequence::SaveAs);
    m_fileMenu->addSeparator();
    m_openAction = m_fileMenu->addAction(QString(), this, &MainWindow::chooseSurvey);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openSeriesAction = m_fileMenu->addAction(QString(), this, &MainWindow::chooseSeries);
    m_openSeriesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_exportContactsAction = m_fileMenu->addAction(QString(), this, [this] { exportContacts(); });
    m_exportAlertsAction = m_fileMenu->addAction(QString(), this, [this] { exportAlerts(); });
    m_exportMosaicAction = m_fileMenu->addAction(QString(), this, [this] { exportMosaic(); });
    m_reportAction = m_fileMenu->addAction(QString(), this, [this] { showReportDialog(); });
    m_reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_showLogAction = m_fileMenu->addAction(QString(), this, [] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(QString::fromStdString(logging::defaultLogFile().parent_path().string())));
    });
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_editMenu = menuBar()->addMenu(QString());
    // Undo and Redo named here, not by QUndoStack's own actions: those are named once, in the
    // language of the moment, and stayed English in the Korean UI until the first edit.
    auto* stack = m_analysis->undoStack();
    m_undoAction = m_editMenu->addAction(QString(), stack, &QUndoStack::undo);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_editMenu->addAction(QString(), stack, &QUndoStack::redo);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_undoAction->setEnabled(stack->canUndo());
    m_redoAction->setEnabled(stack->canRedo());
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    m_editMenu->addSeparator();
    // The series' span (Shift+drag) as an anomaly the models missed, from the keyboard too.
    m_markAnomalyAction = m_editMenu->addAction(QString(), this, [this] {
        const auto [start, end] = m_seriesPlot->selection();
        if (end > start)
            m_analysis->markAnomaly(start, end);
        else
            statusBar()->showMessage(tr("Select a span first: Shift+drag over the series lanes."), 8000);
    });
    m_markAnomalyAction->setObjectName(QStringLiteral("markAnomalyAction"));
    m_markAnomalyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::nameUndoActions);
    connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::nameUndoActions);

    m_viewMenu = menuBar()->addMenu(QString());
    for (const char* name : kDockNames)
        m_viewMenu->addAction(m_docks[QLatin1String(name)]->toggleViewAction());
    m_viewMenu->addSeparator();
    m_showClassicalAction = m_viewMenu->addAction(QString(), this, [this](bool on) {
        m_contacts->setDetectorShown(QStringLiteral("classical"), on);
        QSettings().setValue(QStringLiteral("view/showClassicalContacts"), on);
    });
    m_showClassicalAction->setCheckable(true);
    m_showClassicalAction->setChecked(QSettings().value(QStringLiteral("view/showClassicalContacts"), true).toBool());
    m_contacts->setDetectorShown(QStringLiteral("classical"), m_showClassicalAction->isChecked());
    m_showCnnAction = m_viewMenu->addAction(QString(), this, [this](bool on) {
        m_contacts->setDetectorShown(QStringLiteral("cnn"), on);
        QSettings().setValue(QStringLiteral("view/showCnnContacts"), on);
    });
    m_showCnnAction->setCheckable(true);
    m_showCnnAction->setChecked(QSettings().value(QStringLiteral("view/showCnnContacts"), true).toBool());
    m_contacts->setDetectorShown(QStringLiteral("cnn"), m_showCnnAction->isChecked());
    m_viewMenu->addSeparator();
    m_resetLayoutAction = m_viewMenu->addAction(QString(), this, &MainWindow::resetLayout);
    m_fullScreenAction =
        m_viewMenu->addAction(QString(), this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence::FullScreen);
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    // Each language is named in itself, so a user can find theirs whatever the UI shows now.
    for (const auto& [code, name] : {std::pair{"en", "English"}, std::pair{"ko", "한국어"}}) {
        auto* action = m_languageMenu->addAction(QString::fromUtf8(name));
        action->setCheckable(true);
        action->setData(QLatin1String(code));
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction* a) { setLanguage(a->data().toString()); });

    m_toolsMenu = menuBar()->addMenu(QString());
    m_deviceMenu = m_toolsMenu->addMenu(QString());
    m_deviceGroup = new QActionGroup(this);
    for (const auto& choice : m_devices.choices()) {
        auto* action = m_deviceMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(QString::fromStdString(choice));
        m_deviceGroup->addAction(action);
    }
    connect(m_deviceGroup, &QActionGroup::triggered, this, [this](QAction* a) { requestDevice(a->data().toString()); });
    m_deviceMenu->addSeparator();
    m_bf16Action = m_deviceMenu->addAction(QString());
    m_bf16Action->setObjectName(QStringLiteral("bf16InferenceAction"));
    m_bf16Action->setCheckable(true);
    m_bf16Action->setChecked(ml::cpuInferencePrecision() == "bf16");
    connect(m_bf16Action, &QAction::triggered, this, [this](bool on) {
        setCpuBf16Inference(on);
        statusBar()->showMessage(on ? tr("Forecasts and alerts on the CPU now run in bf16.")
                                    : tr("Forecasts and alerts on the CPU now run in fp32."),
                                 8000);
    });
    m_goToPingAction = m_toolsMenu->addAction(QString(), this, &MainWindow::goToPing);
    m_goToPingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_goToTimeAction = m_toolsMenu->addAction(QString(), this, &MainWindow::goToTime);
    m_goToTimeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_detectAction = m_toolsMenu->addAction(QString(), this, [this] {
        if (!m_survey->file()) {
            statusBar()->showMessage(tr("Open a survey first: contacts are found in its sidescan."), 8000);
            return;
        }
        m_contacts->detect(m_survey->file());
    });
    m_detectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_detectionSettingsAction = m_toolsMenu->addAction(QString(), this, [this] { editDetectionSettings(); });
    m_detectionSettingsAction->setObjectName(QStringLiteral("detectionSettingsAction"));
    m_detectionSettingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));
    m_alertSettingsAction = m_toolsMenu->addAction(QString(), this, [this] { editAlertSettings(); });
    m_alertSettingsAction->setObjectName(QStringLiteral("alertSettingsAction"));
    m_alertSettingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    // Each within reach of the list it changes, too.
    const auto addSettingsButton = [](ReviewTable* table, QAction* action, const char* name) {
        auto* button = new QToolButton(table);
        button->setObjectName(QLatin1String(name));
        button->setDefaultAction(action);
        table->addBarButton(button);
    };
    addSettingsButton(m_alertTable, m_alertSettingsAction, "alertSettingsButton");
    addSettingsButton(m_contactTable, m_detectionSettingsAction, "detectionSettingsButton");
    m_retrainAction = m_toolsMenu->addAction(QString(), this, [this] { retrainDetector(); });
    m_retrainAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_galleryAction = m_toolsMenu->addAction(QString(), this, [this] { showContactGallery(); });
    m_galleryAction->setObjectName(QStringLiteral("contactGalleryAction"));
    m_galleryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_copyReportAction = m_toolsMenu->addAction(QString(), this, &MainWindow::copyDeviceReport);

    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcutsAction = m_helpMenu->addAction(QString(), this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    m_shortcutsAction->setObjectName(QStringLiteral("showShortcuts"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_demoAction = m_helpMenu->addAction(QString(), this, &MainWindow::openDemoSurvey);
    m_demoAction->setObjectName(QStringLiteral("openDemo"));
    m_helpMenu->addSeparator();
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("statusDevice"));
    m_memoryLabel = new QLabel(this);
    m_memoryLabel->setObjectName(QStringLiteral("statusMemory"));
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_memoryLabel);
    createDetectionProgress();
}

void MainWindow::nameUndoActions()
{
    const auto* stack = m_analysis->undoStack();
    m_undoAction->setText(stack->undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(stack->undoText()));
    m_redoAction->setText(stack->redoText().isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(stack->redoText()));
}

void MainWindow::retranslate()
{
    setWindowTitle(m_projectPath.isEmpty() ? tr("Fathom — seabed survey workbench") + QStringLiteral("[*]")
                                           : tr("%1[*] — Fathom").arg(QFileInfo(m_projectPath).fileName()));
    m_docks[QStringLiteral("survey")]->setWindowTitle(tr("Survey"));
    if (auto* facts = findChild<QTextBrowser*>(QStringLiteral("surveyFacts")))
        facts->setHtml(m_survey->facts());
    m_docks[QStringLiteral("devices")]->setWindowTitle(tr("Devices"));
    m_docks[QStringLiteral("training")]->setWindowTitle(tr("Training"));
    m_docks[QStringLiteral("contacts")]->setWindowTitle(tr("Contacts"));
    m_docks[QStringLiteral("alerts")]->setWindowTitle(tr("Alerts"));
    m_docks[QStringLiteral("log")]->setWindowTitle(tr("Log"));
    m_emptyStates[QStringLiteral("survey")]->setText(
        tr("No survey is open.\n\nSidescan files and the sensor series recorded with them will be listed here."));
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("Open S&urvey…"));
    m_openSeriesAction->setText(tr("Open Se&nsor Series…"));
    m_openProjectAction->setText(tr("&Open Project…"));
    m_recentMenu->setTitle(tr("Open &Recent Project"));
    m_saveProjectAction->setText(tr("&Save Project"));
    m_saveProjectAsAction->setText(tr("Save Project &As…"));
    m_editMenu->setTitle(tr("&Edit"));
    nameUndoActions();
    m_markAnomalyAction->setText(tr("&Mark Selection as Anomaly"));
    m_showLogAction->setText(tr("Show &Log Folder"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_resetLayoutAction->setText(tr("&Reset Layout"));
    m_fullScreenAction->setText(tr("&Full Screen"));
    m_languageMenu->setTitle(tr("&Language"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_copyReportAction->setText(tr("&Copy Device Report"));
    m_detectAction->setText(tr("&Detect Contacts"));
    m_showClassicalAction->setText(tr("Contacts of the &Classical Detector on the Waterfall"));
    m_showCnnAction->setText(tr("Contacts of the C&NN Detector on the Waterfall"));
    m_retrainAction->setText(tr("&Retrain Detector…"));
    m_detectionSettingsAction->setText(tr("Detection &Settings…"));
    m_alertSettingsAction->setText(tr("Alert Sett&ings…"));
    m_galleryAction->setText(tr("Contact Ga&llery…"));
    m_exportContactsAction->setText(tr("&Export Contacts…"));
    m_exportMosaicAction->setText(tr("Export Survey &Mosaic…"));
    m_exportAlertsAction->setText(tr("Export Aler&ts…"));
    m_reportAction->setText(tr("Re&port…"));
    m_goToPingAction->setText(tr("&Go to Ping…"));
    m_goToTimeAction->setText(tr("Go to &Time…"));
    m_deviceMenu->setTitle(tr("&Active Device"));
    m_bf16Action->setText(tr("&bf16 Inference on the CPU"));
    m_bf16Action->setStatusTip(tr("The ensemble and its members about four times as fast on a CPU with Intel AMX "
                                  "(less with AVX-512 BF16 alone, slower with neither; PatchTST and DLinear stay "
                                  "fp32); forecasts move by about a thousandth, and a score right at an alert "
                                  "threshold may fall on the other side."));
    for (auto* action : m_deviceGroup->actions()) {
        const auto id = action->data().toString();
        const auto* device = m_devices.find(id.toStdString());
        action->setText(device ? QStringLiteral("%1 — %2").arg(id, QString::fromStdString(device->name))
                               : tr("Automatic (CUDA, then MPS, then CPU)"));
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcutsAction->setText(tr("&Keyboard Shortcuts"));
    m_aboutAction->setText(tr("&About Fathom"));
    m_demoAction->setText(tr("Open &Demo Survey"));
    m_aboutQtAction->setText(tr("About &Qt"));
    for (auto* action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == m_language);
    showSelection();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString& code)
{
    qApp->removeTranslator(m_translator);
    qApp->removeTranslator(m_qtTranslator);
    m_language = code == QLatin1String("ko") ? QStringLiteral("ko") : QStringLiteral("en");
    if (m_translator->load(QStringLiteral(":/i18n/fathom_%1.qm").arg(m_language)))
        qApp->installTranslator(m_translator);
    if (m_qtTranslator->load(QStringLiteral("qtbase_%1").arg(m_language),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qApp->installTranslator(m_qtTranslator);
    QLocale::setDefault(QLocale(m_language));
    QSettings().setValue(QStringLiteral("language"), m_language);
    retranslate(); // also when no translator changed (English to English)
}

void MainWindow::showError(const QString& title, const QString& headline, const QString& detail,
                           const QString& objectName)
{
    // Not modal: the window and everything open in it stay usable.
    auto* box = new QMessageBox(QMessageBox::Warning, title, headline, QMessageBox::Ok, this);
    box->setInformativeText(detail);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::forwardLog(int level, const QString& time, const QString& text)
{
    m_logView->append(static_cast<logging::Level>(level), time, text);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_devices.buildInfo(), this);
    dialog.exec();
}

QDockWidget* MainWindow::dock(const QString& objectName) const
{
    const auto it = m_docks.find(objectName);
    return it == m_docks.end() ? nullptr : it->second;
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (const auto geometry = settings.value(QStringLiteral("window/geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const auto state = settings.value(QStringLiteral("window/state")).toByteArray(); !state.isEmpty())
        restoreState(state);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::resetLayout()
{
    for (auto& [name, dock] : m_docks) {
        dock->setFloating(false);
        dock->show();
    }
    restoreState(m_defaultState);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    QFile::remove(autosavePath()); // a clean exit: nothing to offer next time
    saveLayout();
    m_monitor->stop();
    event->accept();
}

} // namespace fathom
