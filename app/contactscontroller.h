#pragma once

#include "project/project.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QVector>

#include <atomic>
#include <memory>
#include <vector>

class QUndoStack;

namespace fathom {

class ContactTable;
class WaterfallView;
namespace sonar {
class SonarFile;
}

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
    void setContacts(const std::vector<project::ContactRecord>& contacts);
    const std::vector<project::ContactRecord>& contacts() const { return m_contacts; }
    void review(int index, const QString& status);
    void setClass(int index, const QString& cls);
    void setNote(int index, const QString& note);
    QString details(int index) const;
    // Boxes on the waterfall, per detector ("classical", …); the table lists every contact.
    void setDetectorShown(const QString& detector, bool shown);
    bool detectorShown(const QString& detector) const { return !m_hidden.contains(detector); }

signals:
    void detected(int count);
    void changed();
    void failed(const QString& message);
    void message(const QString& text);

private:
    void show();
    void change(int index, const project::ContactRecord& after, const QString& text);

    QPointer<ContactTable> m_table;
    QPointer<WaterfallView> m_waterfall;
    QUndoStack* m_undo = nullptr;
    QThread m_thread;
    QObject* m_worker = nullptr;
    std::atomic<bool> m_stop{false};
    bool m_detecting = false;
    std::vector<project::ContactRecord> m_contacts;
    QSet<QString> m_hidden;
    QVector<int> m_markContact; // the contact each waterfall mark stands for
};

} // namespace fathom
