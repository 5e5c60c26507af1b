// MainWindow's analysis side: the series, models, alerts and contacts wired to the window,
// model comparison, the magnetometer beside a contact, contact export.
#include "analysiscontroller.h"
#include "common/error.h"
#include "common/logging.h"
#include "contactcloseup.h"
#include "contactscontroller.h"
#include "contacttable.h"
#include "logtext.h"
#include "mainwindow.h"
#include "remotetrainer.h"
#include "report/exports.h"
#include "report/figures.h"
#include "report/report.h"
#include "seriesplot.h"
#include "sonar/sonarfile.h"
#include "surveycontroller.h"
#include "trainingpanel.h"
#include "waterfallview.h"

#include <QApplication>
#include <QCollator>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace fathom {

void MainWindow::connectAnalysis()
{
    connect(m_analysis, &AnalysisController::momentChosen, this, &MainWindow::showMomentInSurvey);
    connect(m_analysis, &AnalysisController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_analysis, &AnalysisController::failed, this, [this](const QString& text) {
        logging::error(text.toStdString());
        statusBar()->showMessage(text, 15000);
        showError(tr("Fathom"),
                  tr("That could not be done on the sensor series. What was open, reviewed or trained is kept."), text,
                  QStringLiteral("analysisError"));
    });
    connect(m_analysis, &AnalysisController::alertsChanged, this, &MainWindow::markModified);
    connect(m_contacts, &ContactsController::changed, this, &MainWindow::markModified);
    connect(m_contacts, &ContactsController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_contacts, &ContactsController::failed, this, [this](const QString& text) {
        showError(tr("Detection"),
                  tr("That could not be done on the contacts. The contacts listed and their review are kept."), text,
                  QStringLiteral("detectionError"));
    });
    connect(m_contactTable, &ReviewTable::activated, this, &MainWindow::showCloseUp);
    connect(m_contacts, &ContactsController::changed, this,
            [this] { showCloseUp(m_contactTable->currentIndex()); }); // its caption follows the review
    // The magnetometer beside each contact, when the series has one: ferrous objects show there.
    connect(m_contactTable, &ReviewTable::activated, this, [this](int index) {
        if (index < 0 || std::size_t(index) >= m_contacts->contacts().size())
            return;
        const auto text = magnetometerNear(m_contacts->contacts()[std::size_t(index)].time);
        if (!text.isEmpty())
            m_contactTable->setDetails(m_contactTable->details() + QStringLiteral("<br>") + text);
    });
    connect(m_contacts, &ContactsController::detected, this, [this](int count) {
        statusBar()->showMessage(tr("%n contact(s) proposed", nullptr, count), 8000);
        m_docks[QStringLiteral("contacts")]->show();
        m_docks[QStringLiteral("contacts")]->raise();
    });
    connect(m_analysis, &AnalysisController::seriesOpened, this, &MainWindow::applyPendingView);
    connect(m_analysis, &AnalysisController::seriesOpened, this, [this](const QString& path, qint64 rows) {
        statusBar()->showMessage(tr("%1: %n row(s)", nullptr, int(rows)).arg(QFileInfo(path).fileName()), 8000);
    });
    connect(m_analysis, &AnalysisController::trainingStarted, this, [this] {
        m_docks[QStringLiteral("training")]->show();
        m_docks[QStringLiteral("training")]->raise();
    });
    connect(m_analysis, &AnalysisController::alertsDetected, this, [this] {
        m_docks[QStringLiteral("alerts")]->show();
        m_docks[QStringLiteral("alerts")]->raise();
    });
    connect(m_trainingPanel, &TrainingPanel::browseRequested, this, &MainWindow::chooseTrainingData);
    // Where training runs is this machine's choice, not the project's: remembered here, with
    // the hosts of the user's own ssh config offered.
    QFile sshConfig(qEnvironmentVariableIsEmpty("FATHOM_SSH_CONFIG")
                        ? QDir::home().filePath(QStringLiteral(".ssh/config"))
                        : qEnvironmentVariable("FATHOM_SSH_CONFIG"));
    if (sshConfig.open(QIODevice::ReadOnly))
        m_trainingPanel->setRemoteHosts(sshConfigHosts(QString::fromUtf8(sshConfig.readAll())));
    auto trainingSettings = m_trainingPanel->settings();
    trainingSettings.remoteHost = QSettings().value(QStringLiteral("training/remoteHost")).toString();
    trainingSettings.remoteCli =
        QSettings().value(QStringLiteral("training/remoteCli"), trainingSettings.remoteCli).toString();
    m_trainingPanel->setSettings(trainingSettings);
    connect(m_trainingPanel, &TrainingPanel::startRequested, this, [](const TrainingPanel::Settings& s) {
        QSettings stored;
        stored.setValue(QStringLiteral("training/remoteHost"), s.remoteHost);
        stored.setValue(QStringLiteral("training/remoteCli"), s.remoteCli);
    });
    connect(m_analysis, &AnalysisController::comparisonReady, this, &MainWindow::showComparison);
    connect(m_trainingPanel, &TrainingPanel::deleteModelRequested, this, [this](const QString& folder) {
        if (QMessageBox::question(this, tr("Delete Model"),
                                  tr("Delete the trained model in %1? This cannot be undone.").arg(folder)) !=
            QMessageBox::Yes)
            return;
        QDir(folder).removeRecursively();
        m_analysis->setModelsFolder(m_analysis->modelsFolder());
    });
    // A remote run still going when Fathom last closed is followed again once the window is up.
    QTimer::singleShot(0, m_analysis, &AnalysisController::resumeRemoteRun);
}

void MainWindow::showComparison(const QStringList& models, const QVector<QStringList>& rows)
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("modelComparison"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Compare Models"));
    auto* table = new QTableWidget(int(rows.size()), 2, dialog);
    table->setHorizontalHeaderLabels(models);
    QStringList measures;
    for (int r = 0; r < rows.size(); ++r) {
        measures << rows[r].value(0);
        for (int c = 0; c < 2; ++c)
            table->setItem(r, c, new QTableWidgetItem(rows[r].value(c + 1)));
    }
    table->setVerticalHeaderLabels(measures);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->resizeColumnsToContents();
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(
        new QLabel(tr("Both forecasts are drawn on the series; the Channels menu hides either."), dialog));
    layout->addWidget(table);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(close, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(close);
    dialog->resize(520, 320);
    dialog->show(); // not modal: the series stays in reach
}

QString MainWindow::magnetometerNear(double time) const
{
    QString channel;
    for (const auto& name : m_seriesPlot->channels())
        if (name.startsWith(QLatin1String("mag"), Qt::CaseInsensitive))
            channel = name;
    if (channel.isEmpty())
        return {};
    const auto anomaly = report::anomalyNear([&](double t) { return m_seriesPlot->valueAt(channel, t); }, time);
    if (!anomaly)
        return {};
    return tr("Magnetometer (%1): %2 nT from the local median, %3 s from the contact")
        .arg(channel)
        .arg(anomaly->nanotesla, 0, 'f', 1)
        .arg(anomaly->offsetSeconds, 0, 'f', 1);
}

void MainWindow::showCloseUp(int index)
{
    const auto file = m_survey->file();
    const auto& contacts = m_contacts->contacts();
    if (!m_closeUp)
        return;
    if (!file || index < 0 || std::size_t(index) >= contacts.size()) {
        ++m_closeUpRequest; // one still rendering is not wanted
        m_closeUpBox.clear();
        m_closeUp->clear();
        return;
    }
    const auto contact = contacts[std::size_t(index)];
    const auto cls =
        contact.cls.empty() ? tr("no class") : ContactTable::className(QString::fromStdString(contact.cls));
    auto caption = (contact.height > 0 ? tr("<b>Ping %1</b>, %2 · %3 · %4 × %5 × %6 m")
                                       : tr("<b>Ping %1</b>, %2 · %3 · %4 × %5 m, no height"))
                       .arg(contact.ping)
                       .arg(contact.side ? tr("starboard") : tr("port"), cls)
                       .arg(contact.length, 0, 'f', 1)
                       .arg(contact.width, 0, 'f', 1);
    if (contact.height > 0)
        caption = caption.arg(contact.height, 0, 'f', 2);
    const auto name = QStringLiteral("contact-ping%1.png").arg(contact.ping);
    // The same box as shown (a review, a class, a note): the picture stays, only its caption changes.
    const auto box = QStringLiteral("%1 %2 %3 %4 %5 %6")
                         .arg(contact.side)
                         .arg(contact.firstPing)
                         .arg(contact.lastPing)
                         .arg(contact.nearSlant)
                         .arg(contact.farSlant)
                         .arg(quintptr(file.get()));
    if (box == m_closeUpBox && !m_closeUp->image().isNull()) {
        ++m_closeUpRequest; // the picture shown is this one's
        m_closeUp->setCloseUp(m_closeUp->image(), caption, name);
        return;
    }
    const auto request = ++m_closeUpRequest;
    QPointer<MainWindow> self(this);
    QThreadPool::globalInstance()->start([self, file, contact, caption, name, box, request] {
        QImage image;
        try {
            const auto figure = report::contactCrop(*file, contact);
            image = QImage::fromData(figure.data.data(), int(figure.data.size()));
        } catch (const std::exception& e) {
            logtext::warn(QT_TRANSLATE_NOOP("Log", "Close-up of the contact at ping %1: %2"),
                          {QString::number(contact.ping), QString::fromStdString(e.what())});
        }
        QMetaObject::invokeMethod(qApp, [self, image, caption, name, box, request] {
            if (!self || request != self->m_closeUpRequest) // a contact chosen since wins
                return;
            self->m_closeUpBox = image.isNull() ? QString() : box;
            self->m_closeUp->setCloseUp(image, caption, name);
        });
    });
}

void MainWindow::showMomentInSurvey(double time)
{
    const auto file = m_survey->file();
    if (!file || file->pingCount() == 0)
        return;
    m_waterfall->goToPing(qint64(sonar::pingNearest(*file, time)));
}

bool MainWindow::exportContacts(const QString& chosen)
{
    QSettings settings;
    const auto file = !chosen.isEmpty()
                          ? chosen
                          : QFileDialog::getSaveFileName(
                                this, tr("Export Contacts"), settings.value(QStringLiteral("export/folder")).toString(),
                                tr("GeoJSON (*.geojson);;KML for Google Earth (*.kml);;CSV (*.csv)"));
    if (file.isEmpty())
        return false;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(file).absolutePath());
    try {
        report::writeContacts(m_contacts->contacts(), file.toStdString());
    } catch (const Error& e) {
        showError(tr("Export Contacts"), tr("The contacts could not be written to %1.").arg(QFileInfo(file).fileName()),
                  QString::fromStdString(e.what()), QStringLiteral("exportError"));
        return false;
    }
    statusBar()->showMessage(
        tr("%n contact(s) written to %1", nullptr, int(m_contacts->contacts().size())).arg(QFileInfo(file).fileName()),
        8000);
    return true;
}

void MainWindow::chooseSeries()
{
    QSettings settings;
    const auto path = QFileDialog::getOpenFileName(this, tr("Open Sensor Series"),
                                                   settings.value(QStringLiteral("series/folder")).toString(),
                                                   tr("Sensor series (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("series/folder"), QFileInfo(path).absolutePath());
    switchSeries(path);
}

void MainWindow::chooseTrainingData()
{
    QSettings settings;
    // Other lines of a survey usually lie beside the one open.
    const auto current = m_analysis->seriesPath();
    auto paths =
        QFileDialog::getOpenFileNames(this, tr("Choose the Data to Train On"),
                                      current.isEmpty() ? settings.value(QStringLiteral("series/folder")).toString()
                                                        : QFileInfo(current).absolutePath(),
                                      tr("Sensor series (*.csv *.tsv *.txt);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("series/folder"), QFileInfo(paths.front()).absolutePath());
    // Survey lines are usually named in the order they were run: line2 before line10.
    QCollator order;
    order.setNumericMode(true);
    std::sort(paths.begin(), paths.end(), order);
    // The plot keeps its series when it is one of them, else shows the first.
    const bool shown =
        std::any_of(paths.begin(), paths.end(), [&](const QString& p) { return QFileInfo(p) == QFileInfo(current); });
    if (!shown && !switchSeries(paths.front()))
        return;
    auto training = m_trainingPanel->settings();
    training.data = TrainingPanel::joinDataFiles(paths);
    m_trainingPanel->setSettings(training);
}

bool MainWindow::switchSeries(const QString& path)
{
    const auto current = m_analysis->seriesPath();
    if (!current.isEmpty() && QFileInfo(path) != QFileInfo(current) && !m_analysis->alerts().isEmpty()) {
        // Reviews of the other series' rows: they stay with the saved project.
        if (!beginNewProject([this] { m_analysis->setAlerts({}); },
                             QT_TRANSLATE_NOOP("Log", "Another sensor series opened: a new project begins")))
            return false;
    }
    openSeries(path);
    return true;
}

void MainWindow::openSeries(const QString& path, const QString& modelsFolder)
{
    m_analysis->setModelsFolder(
        modelsFolder.isEmpty() ? QFileInfo(path).absoluteDir().filePath(QStringLiteral("models")) : modelsFolder);
    m_analysis->openSeries(path);
}

} // namespace fathom
