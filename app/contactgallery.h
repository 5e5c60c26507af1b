#pragma once

#include <QDialog>
#include <QVector>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;

namespace fathom {

class ContactsController;
class ContactTable;
namespace sonar {
class SonarFile;
}

// Tools → Contact Gallery: every contact up close in a grid, to review a line's contacts at a
// glance. Choosing one chooses it in the Contacts dock (the waterfall follows); the dock's keys —
// C, X, U, 0–6, Delete — act on it from here; its status shows as the picture's frame. The
// pictures stand in the dock's order (sorted there by score, class…, the gallery follows) and are
// rendered in the background in that order; new detections and edits show at once.
class ContactGallery : public QDialog
{
    Q_OBJECT

public:
    ContactGallery(ContactsController* contacts, ContactTable* table, std::shared_ptr<const sonar::SonarFile> file,
                   QWidget* parent = nullptr);
    ~ContactGallery() override;
    QListWidget* list() const { return m_list; }
    int rendered() const { return m_rendered; } // pictures shown so far
    // Only contacts of one review status ("new", "confirmed", "rejected"; "" for every one),
    // remembered between runs.
    void setStatusFilter(const QString& status);

signals:
    void allRendered();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();      // items for every contact, pictures rendered again
    void refreshTexts(); // captions and frames after a review
    void retranslate();
    void reorder();               // the items moved into the dock's order, pictures kept
    int contactAt(int row) const; // the contact an item shows; -1 for none
    int rowOf(int contact) const; // the item showing a contact; -1 for none

    ContactsController* m_contacts = nullptr;
    ContactTable* m_table = nullptr;
    std::shared_ptr<const sonar::SonarFile> m_file;
    QListWidget* m_list = nullptr;
    QLabel* m_hint = nullptr;
    QComboBox* m_filter = nullptr;
    std::shared_ptr<std::atomic<bool>> m_stop; // the running render's
    quint64 m_generation = 0;
    int m_rendered = 0;
    int m_shownCount = -1;
    QVector<int> m_rows; // by contact: the row of its item
};

} // namespace fathom
