// MainWindow's report side: the report dialog and the survey as a mosaic or waterfall picture.
#include "alertsettingsdialog.h"
#include "analysiscontroller.h"
#include "common/error.h"
#include "common/logging.h"
#include "common/paths.h"
#include "contactgallery.h"
#include "contactscontroller.h"
#include "detectionsettingsdialog.h"
#include "logtext.h"
#include "mainwindow.h"
#include "report/exports.h"
#include "report/mosaic.h"
#include "report/report.h"
#include "reportdialog.h"
#include "retraindialog.h"
#include "surveycontroller.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>

#include <thread>

namespace fathom {

ReportDialog* MainWindow::showReportDialog()
{
    if (m_reportDialog) {
        m_reportDialog->raise();
        m_reportDialog->activateWindow();
        return m_reportDialog;
    }
    const auto name = m_projectPath.isEmpty() ? QFileInfo(m_surveyPath).completeBaseName()
                                              : QFileInfo(m_projectPath).completeBaseName();
    const auto reportLanguage = report::parseLanguage(m_language == QLatin1String("ko") ? "ko" : "en");
    m_reportDialog =
        new ReportDialog(currentProject(), report::deviceFields(m_devices, reportLanguage), m_language, name, this);
    m_reportDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_reportDialog, &ReportDialog::finished, this, [this](bool ok, const QString& message) {
        if (ok)
            statusBar()->showMessage(message, 10000);
        else
            logging::warn(message.toStdString());
    });
    m_reportDialog->show(); // not modal: the survey stays in reach while it builds
    return m_reportDialog;
}

RetrainDialog* MainWindow::retrainDetector()
{
    const auto file = m_survey->file();
    if (!file) {
        statusBar()->showMessage(tr("Open a survey first: the detector learns from its confirmed contacts."), 8000);
        return nullptr;
    }
    if (m_contacts->isRetraining() || m_contacts->isDetecting()) {
        statusBar()->showMessage(tr("The detectors are busy; try again when they finish."), 8000);
        return nullptr;
    }
    if (!m_contacts->hasConfirmed()) { // said once, before a dialog would open only to say it too
        showError(tr("Retrain Detector"), ContactsController::needsConfirmedText(), QString(),
                  QStringLiteral("retrainNeedsContacts"));
        return nullptr;
    }
    // Beside the project's models, or in Fathom's state folder when there is no project yet.
    QString folder = m_analysis->modelsFolder();
    if (folder.isEmpty())
        folder = QString::fromStdString((paths::stateDir() / "detectors").string());
    const auto out = QDir(folder).filePath(QStringLiteral("detector-") + QFileInfo(m_surveyPath).completeBaseName());
    auto* dialog = new RetrainDialog(m_contacts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    m_contacts->retrain(file, out);
    markModified();
    return dialog;
}

AlertSettingsDialog* MainWindow::editAlertSettings()
{
    const auto own = m_analysis->modelAlertRules();
    auto* dialog = new AlertSettingsDialog(
        m_analysis->alertRules().value_or(own), own,
        [analysis = QPointer(m_analysis)](const AlertRules& rules) {
            return analysis ? analysis->alertCountBy(rules) : -1;
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, own] {
        const auto chosen = dialog->rules();
        // The model's own rules are kept as none: another model then brings its own.
        const auto rules = chosen == own ? std::nullopt : std::optional<AlertRules>(chosen);
        if (rules == m_analysis->alertRules())
            return;
        m_analysis->setAlertRules(rules);
        markModified();
        logtext::info(QT_TRANSLATE_NOOP("Log", "Alert settings changed: above %1, closing below %2 × it, at least "
                                               "%3 rows, merged across %4"),
                      {QString::number(chosen.threshold), QString::number(chosen.release),
                       QString::number(chosen.minimumLength), QString::number(chosen.mergeGap)});
        if (m_analysis->activeModel().isEmpty())
            statusBar()->showMessage(tr("The next model run over the series uses the new alert settings."), 8000);
    });
    dialog->open();
    return dialog;
}

DetectionSettingsDialog* MainWindow::editDetectionSettings()
{
    auto* dialog = new DetectionSettingsDialog(m_contacts->detection(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto chosen = dialog->settings();
        if (chosen == m_contacts->detection())
            return;
        m_contacts->setDetection(chosen);
        markModified();
        logtext::info(QT_TRANSLATE_NOOP("Log", "Detection settings changed"));
        if (m_survey->file() && !m_contacts->isDetecting() && !m_contacts->isRetraining())
            m_contacts->detect(m_survey->file()); // reviewed contacts stay; the others are proposed again
        else
            statusBar()->showMessage(tr("The next Detect Contacts (Ctrl+D) uses the new settings."), 8000);
    });
    dialog->open();
    return dialog;
}

ContactGallery* MainWindow::showContactGallery()
{
    const auto file = m_survey->file();
    if (!file) {
        statusBar()->showMessage(tr("Open a survey first: the gallery shows its contacts."), 8000);
        return nullptr;
    }
    if (!m_gallery) {
        m_gallery = new ContactGallery(m_contacts, m_contactTable, file, this);
        m_gallery->setAttribute(Qt::WA_DeleteOnClose);
        // Another survey opened: the gallery of the one before closes.
        connect(m_survey, &SurveyController::opened, m_gallery, &QWidget::close);
    }
    m_gallery->show();
    m_gallery->raise();
    m_gallery->activateWindow();
    return m_gallery;
}

bool MainWindow::exportAlerts(const QString& chosen)
{
    QSettings settings;
    const auto file = !chosen.isEmpty()
                          ? chosen
                          : QFileDialog::getSaveFileName(
                                this, tr("Export Alerts"), settings.value(QStringLiteral("export/folder")).toString(),
                                tr("GeoJSON (*.geojson);;KML for Google Earth (*.kml);;CSV (*.csv)"));
    if (file.isEmpty())
        return false;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(file).absolutePath());
    const auto alerts = currentProject().alerts;
    try {
        report::Places places;
        // Places need the whole index; a survey still indexing is not waited for on the GUI thread.
        if (const auto survey = m_survey->file(); survey && survey->complete())
            places = report::alertPlaces(*survey, alerts);
        report::writeAlerts(alerts, file.toStdString(), places);
    } catch (const Error& e) {
        showError(tr("Export Alerts"), tr("The alerts could not be written to %1.").arg(QFileInfo(file).fileName()),
                  QString::fromStdString(e.what()), QStringLiteral("exportError"));
        return false;
    }
    statusBar()->showMessage(
        tr("%n alert(s) written to %1", nullptr, int(alerts.size())).arg(QFileInfo(file).fileName()), 8000);
    return true;
}

bool MainWindow::exportMosaic(const QString& chosen, std::function<void(bool)> done)
{
    const auto file = m_survey->file();
    if (!file) {
        statusBar()->showMessage(tr("Open a survey first: the mosaic is made from its sidescan."), 8000);
        return false;
    }
    QSettings settings;
    const auto target =
        !chosen.isEmpty()
            ? chosen
            : QFileDialog::getSaveFileName(this, tr("Export Survey Mosaic"),
                                           settings.value(QStringLiteral("export/folder")).toString(),
                                           tr("GeoTIFF mosaic (*.tif);;Waterfall image, ground range (*.png)"));
    if (target.isEmpty())
        return false;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(target).absolutePath());
    statusBar()->showMessage(tr("Writing %1…").arg(QFileInfo(target).fileName()));
    QPointer<MainWindow> self(this);
    const auto contacts = m_contacts->contacts();
    std::thread([self, file, contacts, target, done] {
        QString failure, summary;
        try {
            if (target.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
                report::writeWaterfallPng(*file, contacts, target.toStdString());
            } else {
                const auto info = report::writeMosaic(*file, contacts, target.toStdString());
                summary = tr("%1 × %2 pixels of %3 m").arg(info.width).arg(info.height).arg(info.resolution, 0, 'f', 2);
            }
        } catch (const std::exception& e) {
            failure = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            self,
            [self, failure, summary, target, done] {
                if (!self)
                    return;
                if (failure.isEmpty())
                    self->statusBar()->showMessage(
                        tr("%1 written").arg(QFileInfo(target).fileName()) +
                            (summary.isEmpty() ? QString() : QStringLiteral(" (") + summary + QLatin1Char(')')),
                        10000);
                else
                    self->showError(tr("Export Survey Mosaic"),
                                    tr("The mosaic could not be written to %1.").arg(QFileInfo(target).fileName()),
                                    failure, QStringLiteral("mosaicError"));
                if (done)
                    done(failure.isEmpty());
            },
            Qt::QueuedConnection);
    }).detach();
    return true;
}

} // namespace fathom
