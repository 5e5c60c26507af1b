#pragma once

#include <QStringList>
#include <QVariantList>
#include <QVector>
#include <QWidget>

#include <functional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace fathom {

// What the Alerts and Contacts docks share: items in a sortable, filterable table, reviewed from
// the keyboard — J / K or the arrows move, C confirms, X rejects, U sets an item back to new,
// Enter edits its note, Delete asks for it to be removed. The table only shows and asks: the owner applies a review
// (with undo) and calls updateItem.
class ReviewTable : public QWidget
{
    Q_OBJECT

public:
    struct Item
    {
        QStringList cells;                      // shown, one per column before the status and note
        QVariantList keys;                      // how each of those columns sorts
        QString status = QStringLiteral("new"); // "new", "confirmed", "rejected"
        QString note;
    };

    explicit ReviewTable(QWidget* parent = nullptr);

    void setItems(const QVector<Item>& items);
    void updateItem(int index, const Item& item);
    int count() const { return int(m_items.size()); }
    const Item& item(int index) const { return m_items[index]; }
    int currentIndex() const; // into the items given, -1 for none
    void setCurrentIndex(int index);
    void moveCurrent(int step); // through the rows as sorted and filtered
    // Every item's index in the order the list sorts them (its filters aside): for views that
    // follow the list's order. orderChanged() when that may have changed.
    QVector<int> sortedIndices() const;
    // Sorted by the column and order last chosen under `key` in the settings (the first column,
    // ascending, the first time); each choice is remembered there.
    void rememberSort(const QString& key);
    // Columns holding UTC times as "yyyy-MM-dd hh:mm:ss…": headed "(UTC)", and when every item's
    // fall on one day, that day goes into their headings and the cells show the clock alone.
    void setTimeColumns(const QVector<int>& columns);
    void setStatusFilter(const QString& status); // "" for every item
    QTableView* view() const { return m_view; }
    void setDetails(const QString& text); // what is known about the current item, below the table
    // A button of the caller's in the bar, after Confirm and Reject (a dock's settings).
    void addBarButton(QWidget* button);
    QString details() const;
    // For a context menu beside the list (a contact's box, an alert on the series), item `index`'s
    // review: Confirm, Reject and Back to New, the list's keys shown beside them (`setStatus`
    // applies one; unlike the list's keys it does not move on), and Note…, asked for in a dialog
    // headed `noteLabel` and sent as noteRequested. Object names end in `noun` ("rejectedAlert",
    // "alertNote").
    void addReviewActions(QMenu* menu, int index, const QString& noun,
                          const std::function<void(const QString&)>& setStatus, const QString& noteLabel);

signals:
    void activated(int index);
    void orderChanged();
    void reviewRequested(int index, const QString& status);
    void noteRequested(int index, const QString& note);
    // Delete (or Backspace) on the current item: the owner removes what the analyst made.
    void removeRequested(int index);
    // A key the subclass claims (e.g. a class shortcut) pressed on the current item.
    void keyPressed(int index, int key);

protected:
    // Column titles before the status and note; the summary text for the counts.
    virtual QStringList columnTitles() const = 0;
    virtual QString summaryText(int total, int confirmed, int rejected, int shown) const = 0;
    virtual QString filterHint() const = 0;
    virtual bool claimsKey(int key) const;
    void retranslate();
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillRow(int index);
    void updateSummary();
    QString statusText(const QString& status) const;
    void review(const QString& status);
    int statusColumn() const;
    void setHeaderTitles();

    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    QLabel* m_summary = nullptr;
    QHBoxLayout* m_bar = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_reject = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QVector<Item> m_items;
    QVector<int> m_timeColumns;
    QString m_day; // the one UTC day of every time shown; empty: more than one
    bool m_filling = false;
};

} // namespace fathom
