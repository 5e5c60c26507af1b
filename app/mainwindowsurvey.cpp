// MainWindow's survey side: opening sidescan files, the hover readout, measuring, going to a
// ping or a time, marking a contact by hand.
#include "analysiscontroller.h"
#include "common/logging.h"
#include "contactcloseup.h"
#include "contactscontroller.h"
#include "mainwindow.h"

#include "logtext.h"
#include "sonar/georeference.h"
#include "sonar/sonarfile.h"
#include "surveycontroller.h"
#include "waterfallview.h"

#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QInputDialog>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimeZone>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace fathom {

void MainWindow::chooseSurvey()
{
    QSettings settings;
    const auto path = QFileDialog::getOpenFileName(this, tr("Open Survey"),
                                                   settings.value(QStringLiteral("survey/folder")).toString(),
                                                   tr("Sidescan files (*.xtf *.XTF *.jsf *.JSF);;Waterfall pictures "
                                                      "(*.png *.tif *.tiff *.jpg *.jpeg);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("survey/folder"), QFileInfo(path).absolutePath());
    switchSurvey(path);
}

void MainWindow::createDetectionProgress()
{
    m_detectionBar = new QProgressBar(this);
    m_detectionBar->setObjectName(QStringLiteral("detectionProgress"));
    m_detectionBar->setRange(0, 100);
    m_detectionBar->setMaximumWidth(180);
    m_detectionCancel = new QToolButton(this);
    m_detectionCancel->setObjectName(QStringLiteral("detectionCancel"));
    statusBar()->addPermanentWidget(m_detectionBar);
    statusBar()->addPermanentWidget(m_detectionCancel);
    m_detectionBar->hide();
    m_detectionCancel->hide();
    connect(m_detectionCancel, &QToolButton::clicked, m_contacts, &ContactsController::cancel);
    connect(m_contacts, &ContactsController::detectionProgress, this, [this](int percent) {
        if (!m_contacts->isDetecting())
            return; // a late post from a run already over
        m_detectionBar->setFormat(tr("Detecting: %p %"));
        m_detectionBar->setValue(percent);
        m_detectionCancel->setText(tr("Cancel"));
        m_detectionCancel->setToolTip(tr("Stop looking for contacts; the list stays as it was"));
        m_detectionBar->show();
        m_detectionCancel->show();
    });
    const auto done = [this] {
        m_detectionBar->hide();
        m_detectionCancel->hide();
    };
    connect(m_contacts, &ContactsController::detected, this, done);
    connect(m_contacts, &ContactsController::detectionCancelled, this, done);
    connect(m_contacts, &ContactsController::failed, this, done);
}

bool MainWindow::switchSurvey(const QString& path)
{
    if (!m_surveyPath.isEmpty() && QFileInfo(path) != QFileInfo(m_surveyPath) && !m_contacts->contacts().empty()) {
        if (!beginNewProject([this] { m_contacts->setContacts({}); },
                             QT_TRANSLATE_NOOP("Log", "Another survey opened: a new project begins")))
            return false;
    }
    openSurvey(path);
    return true;
}

void MainWindow::openSurvey(const QString& path)
{
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_survey->open(path);
}

void MainWindow::surveyOpened(const QString& path, const QString& summary, qint64 pings, double range)
{
    m_surveyPath = path;
    auto* dock = m_docks[QStringLiteral("survey")];
    auto* facts = findChild<QTextBrowser*>(QStringLiteral("surveyFacts"));
    if (!facts) { // the file's facts, and under them the chosen contact up close
        auto* panel = new QWidget(this);
        panel->setObjectName(QStringLiteral("surveyPanel"));
        auto* layout = new QVBoxLayout(panel);
        layout->setContentsMargins(0, 0, 0, 0);
        facts = new QTextBrowser(panel);
        facts->setObjectName(QStringLiteral("surveyFacts"));
        facts->setOpenLinks(false);
        m_closeUp = new ContactCloseUp(panel);
        layout->addWidget(facts, 1);
        layout->addWidget(m_closeUp);
        dock->setWidget(panel);
    }
    facts->setHtml(summary);
    m_closeUp->clear(); // a contact of the file before
    m_waterfall->setSurvey(pings, range);
    m_waterfall->setFocus();
    applyPendingView();
    statusBar()->showMessage(tr("Opened %1: %n ping(s)", nullptr, int(pings)).arg(QFileInfo(path).fileName()), 8000);
}

void MainWindow::surveyFailed(const QString& path, const QString& message)
{
    statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()), 10000);
    showError(tr("Cannot open survey"),
              tr("%1 could not be opened as a survey. What was open stays open.").arg(QFileInfo(path).fileName()),
              message, QStringLiteral("openError"));
}

double MainWindow::groundRangeOf(double ping, double viewRange) const
{
    const auto geo = m_survey->geo();
    if (!geo || m_waterfall->currentRequest().groundRange)
        return viewRange;
    return geo->groundRange(std::size_t(ping), viewRange);
}

void MainWindow::showHover(qint64 ping, int side, double range)
{
    const auto file = m_survey->file();
    const auto geo = m_survey->geo();
    if (!file || !geo || ping < 0 || std::size_t(ping) >= file->pingCount())
        return;
    const auto info = file->pingInfo(std::size_t(ping));
    if (!m_analysis->seriesPath().isEmpty())
        m_analysis->showMoment(info.time);
    const double ground = groundRangeOf(double(ping), range);
    const double slant =
        m_waterfall->currentRequest().groundRange ? std::hypot(ground, geo->altitude(std::size_t(ping))) : range;
    const auto where = geo->locate(double(ping), side, ground);
    const auto time = QDateTime::fromMSecsSinceEpoch(qint64(info.time * 1000), QTimeZone::utc());
    const auto position = geo->geographic() ? tr("%1, %2").arg(where.y, 0, 'f', 6).arg(where.x, 0, 'f', 6)
                                            : tr("E %1, N %2").arg(where.x, 0, 'f', 1).arg(where.y, 0, 'f', 1);
    statusBar()->showMessage(tr("Ping %1 · %2 · %3, slant %4 m, across %5 m · %6")
                                 .arg(info.number)
                                 .arg(time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
                                 .arg(side == 0 ? tr("port") : tr("starboard"))
                                 .arg(slant, 0, 'f', 1)
                                 .arg(ground, 0, 'f', 1)
                                 .arg(position));
}

void MainWindow::showMeasurement(double pingA, int sideA, double rangeA, double pingB, int sideB, double rangeB)
{
    const auto geo = m_survey->geo();
    if (!geo)
        return;
    const double groundA = groundRangeOf(pingA, rangeA), groundB = groundRangeOf(pingB, rangeB);
    const double metres = geo->distance(pingA, sideA, groundA, pingB, sideB, groundB);
    auto text = tr("Distance across the seabed: %1 m").arg(metres, 0, 'f', 2);
    // Drawn along range on one ping, from an object's far edge to the end of its shadow, the
    // same line gives the object's height.
    if (sideA == sideB && std::abs(pingA - pingB) < 3 && std::abs(groundA - groundB) > 0.05) {
        const double height = sonar::Georeferencer::heightFromShadow(
            geo->altitude(std::size_t(std::lround(pingA))), std::min(groundA, groundB), std::max(groundA, groundB));
        text += tr(" · as a shadow: an object %1 m high").arg(height, 0, 'f', 2);
        const int contact = m_contacts->setMeasuredHeight(pingA, sideA, std::min(groundA, groundB), height);
        if (contact >= 0)
            text += tr(" · right-click the contact's box to make it its height");
    }
    statusBar()->showMessage(text, 20000);
    logging::info(text.toStdString());
}

void MainWindow::markContact(double firstPing, double lastPing, int side, double nearRange, double farRange)
{
    const auto file = m_survey->file();
    const auto geo = m_survey->geo();
    if (!file || !geo) {
        statusBar()->showMessage(tr("The survey is still being read: mark contacts once it is indexed."), 10000);
        return;
    }
    // The box in slant range, as the file's samples lie.
    const auto centre = std::size_t(std::lround((firstPing + lastPing) / 2));
    const bool ground = m_waterfall->currentRequest().groundRange;
    const auto slant = [&](double range) { return ground ? std::hypot(range, geo->altitude(centre)) : range; };
    if (m_contacts->addDrawn(*file, *geo, side, firstPing, lastPing, slant(nearRange), slant(farRange)) >= 0) {
        m_docks[QStringLiteral("contacts")]->show();
        m_docks[QStringLiteral("contacts")]->raise();
    }
}

void MainWindow::offerMarkContact(QMenu* menu, int markIndex, double ping, int side, double range)
{
    const auto geo = m_survey->geo();
    if (markIndex >= 0 || !geo || !m_survey->file())
        return;
    // A box about 5 m along the track and 4 m across round the point: the object in it is found and
    // measured as in a box drawn with Ctrl+drag.
    const auto file = m_survey->file();
    const double p0 = std::max(0.0, ping - 10), p1 = std::min(double(file->pingCount() - 1), ping + 10);
    const double ground = groundRangeOf(ping, range);
    const double spacing = p1 > p0 ? geo->distance(p0, side, ground, p1, side, ground) / (p1 - p0) : 0;
    const double pings = std::clamp(spacing > 0 ? 2.5 / spacing : 12.0, 4.0, 200.0);
    auto* action = menu->addAction(tr("Mark Contact Here"), this, [this, ping, pings, side, range] {
        markContact(ping - pings, ping + pings, side, std::max(0.0, range - 2.0), range + 2.0);
    });
    action->setObjectName(QStringLiteral("markContactHere"));
    action->setToolTip(
        tr("The object here becomes a contact, measured from its samples (or Ctrl+drag a box round it)"));
}

void MainWindow::goToTime()
{
    const auto file = m_survey->file();
    if (!file)
        return;
    const auto first = QDateTime::fromMSecsSinceEpoch(qint64(file->pingInfo(0).time * 1000), QTimeZone::utc());
    bool ok = false;
    const auto text = QInputDialog::getText(this, tr("Go to Time"),
                                            tr("Time (UTC, HH:mm:ss) on %1:").arg(first.date().toString(Qt::ISODate)),
                                            QLineEdit::Normal, first.time().toString(QStringLiteral("HH:mm:ss")), &ok);
    if (!ok)
        return;
    const auto time = QTime::fromString(text.trimmed(), QStringLiteral("H:m:s"));
    if (!time.isValid()) {
        statusBar()->showMessage(tr("“%1” is not a time: write it as 14:05:30").arg(text), 10000);
        return;
    }
    const QDateTime when(first.date(), time, QTimeZone::utc());
    m_waterfall->goToPing(qint64(sonar::pingNearest(*file, double(when.toMSecsSinceEpoch()) / 1000.0)));
}

void MainWindow::goToPing()
{
    const auto file = m_survey->file();
    if (!file)
        return;
    bool ok = false;
    const int ping = QInputDialog::getInt(this, tr("Go to Ping"), tr("Ping (0 – %1):").arg(file->pingCount() - 1),
                                          int(m_waterfall->firstPing()), 0, int(file->pingCount() - 1), 1, &ok);
    if (ok)
        m_waterfall->goToPing(ping);
}

} // namespace fathom
