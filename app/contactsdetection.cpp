// ContactsController's detection run: the detectors in the background with their progress, a
// cancel that leaves the list as it was, the found contacts merged with the reviewed ones.
#include "common/logging.h"
#include "contactscontroller.h"
#include "logtext.h"
#include "ml/cnndetector.h"
#include "project/contacts.h"
#include "sonar/sonarfile.h"

#include <QUndoStack>

#include <atomic>
#include <cmath>
#include <memory>

namespace fathom {

namespace {

// The run's share done from a detector's own (0..1): the classical detector, then the CNN, then
// its look at the classical detector's boxes (a few seconds at most).
int percentDone(const std::string& detector, double share)
{
    const double from = detector == "classical" ? 0 : detector == "cnn" ? 0.45 : 0.9;
    const double span = detector == "cnn look" ? 0.1 : 0.45;
    return int(std::lround(100 * (from + span * share)));
}

} // namespace

void ContactsController::detect(std::shared_ptr<const sonar::SonarFile> file)
{
    if (m_detecting || !file)
        return;
    m_detecting = true;
    m_stop = false;
    emit message(tr("Looking for contacts in %1…").arg(QString::fromStdString(file->path().filename().string())));
    emit detectionProgress(0);
    QMetaObject::invokeMethod(
        m_worker,
        [this, file, model = m_model, settings = m_detection, generation = m_generation,
         device = m_device ? m_device() : QStringLiteral("cpu")] {
            QString failure, note;
            std::vector<project::ContactRecord> found;
            auto shown = std::make_shared<std::atomic<int>>(0); // the last percent sent: a few dozen posts a run
            try {
                ml::ContactDetection detection;
                detection.model = model.toStdString(); // empty: the shipped CNN
                detection.cnnOptional = true;          // a retrained model that went missing: the classical one
                detection.device = device.toStdString();
                detection.classical = settings.classical;
                detection.minCnnScore = settings.minCnnScore;
                const auto result = ml::detectContacts(
                    *file, detection,
                    [this, shown](const std::string& detector, double share) {
                        const int percent = percentDone(detector, share);
                        if (percent > shown->exchange(percent))
                            QMetaObject::invokeMethod(
                                this, [this, percent] { emit detectionProgress(percent); }, Qt::QueuedConnection);
                    },
                    &m_stop);
                if (!result.note.empty())
                    note = QString::fromStdString(result.note);
                for (const auto& d : result.detections)
                    found.push_back(project::contactFromDetection(d));
            } catch (const std::exception& e) {
                failure = QString::fromStdString(e.what());
            }
            const bool cancelled = m_stop.load();
            QMetaObject::invokeMethod(
                this,
                [this, found, failure, note, cancelled, generation] {
                    m_detecting = false;
                    if (generation != m_generation) { // another project's or survey's contacts by now
                        logtext::info(QT_TRANSLATE_NOOP("Log", "A detection for the contacts before was left"));
                        emit detectionCancelled();
                        return;
                    }
                    if (!note.isEmpty())
                        emit message(note);
                    if (!failure.isEmpty()) {
                        emit failed(failure);
                        return;
                    }
                    if (cancelled) { // what a part of the file gave is not the file's contacts
                        emit message(tr("Detection cancelled: the contacts are as they were."));
                        emit detectionCancelled();
                        return;
                    }
                    const auto merged = project::mergeContacts(m_contacts, found);
                    m_undo->clear(); // reviews now point at other rows
                    m_contacts = merged;
                    show();
                    logtext::info(QT_TRANSLATE_NOOP("Log", "Contacts proposed: %1"), {QString::number(found.size())});
                    emit detected(int(found.size()));
                    emit changed();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace fathom
