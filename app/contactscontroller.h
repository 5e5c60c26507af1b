#pragma once

#include "project/project.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QVector>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QMenu;
class QUndoStack;

namespace fathom {

class ContactTable;
class WaterfallView;
namespace ml {
class CnnDetector;
}
namespace sonar {
class Georeferencer;
class SonarFile;
} // namespace sonar

// Owns the sidescan contacts: runs the detectors over the open file on a worker thread, keeps
// the analyst's review (status, class, note; with undo on the shared stack), shows the contacts
// in the Contacts dock and as boxes on the waterfall.
class ContactsController : public QObject
{
    Q_OBJECT

public:
    ContactsController(ContactTable* table, WaterfallView* waterfall, QUndoStack* undo, QObject* parent = nullptr);
    ~ContactsController() override;

    // New detections replace the unreviewed contacts; reviewed ones stay.
    void detect(std::shared_ptr<const sonar::SonarFile> file);
    bool isDetecting() const { return m_detecting; }
    // Another project's or survey's contacts: a detection or retrain still running for the ones
    // before is stopped, and what it finds is not merged into these.
    void setContacts(const std::vector<project::ContactRecord>& contacts);
    const std::vector<project::ContactRecord>& contacts() const { return m_contacts; }
    void review(int index, const QString& status);
    void setClass(int index, const QString& cls);
    void setNote(int index, const QString& note);
    // Removes a contact the analyst marked (undoable); a detector's is rejected instead, since a
    // new detection would propose it again (message() says so).
    void remove(int index);
    // A height the analyst measured on the waterfall (Shift+drag along range from an object's far
    // edge, `groundRange` metres out, to the end of its shadow): offered on the box of the contact
    // it lies on (Set Height). Returns that contact's index, or -1 when it lies on none.
    int setMeasuredHeight(double ping, int side, double groundRange, double height);
    QString details(int index) const;
    // A box the analyst drew on the waterfall round an object the detectors missed (pings
    // first..last on one side, slant range near..far metres): measured as the detectors' boxes
    // are and added as a confirmed contact by "analyst", chosen in the Contacts dock for its class
    // and note (undoable). A box over an object already listed chooses that contact instead.
    // The CNN detector proposes its class, filled in where it gives that class half or more (and
    // says so where it sees no object in the box at all).
    // Returns the contact's index, or -1 when nothing was added (message() says why).
    int addDrawn(const sonar::SonarFile& file, const sonar::Georeferencer& geo, int side, double firstPing,
                 double lastPing, double nearSlant, double farSlant);
    // The CNN detector used beside the classical one: a model folder (train-detector, Retrain);
    // empty: the shipped one. Detect fuses both.
    void setDetectorModel(const QString& dir) { m_model = dir; }
    // The detectors' thresholds (Tools → Detection Settings), saved with the project; the next
    // detection uses them.
    void setDetection(const project::DetectionRecord& detection) { m_detection = detection; }
    const project::DetectionRecord& detection() const { return m_detection; }
    // The device the CNN runs and trains on, asked for each run ("cpu", "cuda:0", …); an absent one
    // means the CPU and a message.
    void setDeviceProvider(std::function<QString()> provider) { m_device = std::move(provider); }
    QString detectorModel() const;
    // Fine-tunes the CNN detector on the confirmed contacts in the background and writes it to
    // `outDir`, which becomes the detector used; then detects again (reviews stay). Progress and the
    // losses arrive by retrainProgress(); retrained() or failed() at the end.
    void retrain(std::shared_ptr<const sonar::SonarFile> file, const QString& outDir, int epochs = 8);
    bool isRetraining() const { return m_retraining; }
    // Whether any contact is confirmed (retraining learns from those), and what to say when none is.
    bool hasConfirmed() const;
    static QString needsConfirmedText();
    // Stops a detection (the contacts stay as they were) or a retrain.
    void cancel() { m_stop = true; }
    // Boxes on the waterfall, per detector ("classical", "cnn"); the table lists every contact. A
    // contact found by several detectors is drawn while any of them is shown.
    void setDetectorShown(const QString& detector, bool shown);
    bool detectorShown(const QString& detector) const { return !m_hidden.contains(detector); }

signals:
    void detected(int count);
    // While detect() runs: the share done, 0..100; detectionCancelled() when cancel() stopped it
    // (the contacts are left as they were).
    void detectionProgress(int percent);
    void detectionCancelled();
    void retrainProgress(int epoch, int epochs, int step, int steps, double trainLoss, double validationLoss,
                         bool epochDone);
    void retrained(const QString& dir, const QString& summary);
    void changed();
    void failed(const QString& message);
    void message(const QString& text);

private:
    void show();
    // After an edit: shown again with `chosen` the current contact (-1: none), and changed().
    void showChanged(int chosen);
    // A contact's review from the waterfall's context menu: status, class.
    void addReviewActions(QMenu* menu, int index);
    static QString reviewText(const QString& status); // the undo stack's name for a review
    void change(int index, const project::ContactRecord& after, const QString& text);
    // The CNN detector's class for a contact's box: fills in `contact.cls` where the network gives
    // the class half or more, and returns what the status bar says of it ("" where the file is one
    // the network cannot read).
    QString proposeClass(const sonar::SonarFile& file, project::ContactRecord& contact);

    QPointer<ContactTable> m_table;
    QPointer<WaterfallView> m_waterfall;
    QUndoStack* m_undo = nullptr;
    QThread m_thread;
    QObject* m_worker = nullptr;
    std::atomic<bool> m_stop{false};
    // Counted up by setContacts (another project, another survey): a detection or retrain begun
    // for the contacts before finds it changed and leaves the new ones alone.
    std::uint64_t m_generation = 0;
    bool m_detecting = false;
    bool m_retraining = false;
    QString m_model;
    project::DetectionRecord m_detection;
    std::shared_ptr<ml::CnnDetector> m_classifier; // the CNN of m_classifierDir, on the CPU, for marked contacts
    QString m_classifierDir;
    std::function<QString()> m_device;
    std::vector<project::ContactRecord> m_contacts;
    QSet<QString> m_hidden;
    QVector<int> m_markContact; // the contact each waterfall mark stands for
    struct Measured
    {
        double ping = -1, groundRange = 0, height = 0;
        int side = 0;
    } m_measured; // the last height measured on the waterfall
    bool measuredOn(const project::ContactRecord& c) const;
};

} // namespace fathom
