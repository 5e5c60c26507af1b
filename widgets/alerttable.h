#pragma once

#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace fathom {

// The Alerts dock: every alert in a sortable, filterable table, reviewed from the keyboard —
// J / K or the arrows move, C confirms, X rejects, U sets an alert back to new, Enter edits its
// note. The table only shows and asks: the owner applies a review (with undo) and calls
// updateAlert.
class AlertTable : public QWidget
{
    Q_OBJECT

public:
    struct Row
    {
        QString start, end, peak; // as shown
        double seconds = 0;       // duration
        double score = 0;
        QString channels;
        QString model;
        QString status = QStringLiteral("new"); // "new", "confirmed", "rejected"
        QString note;
    };

    explicit AlertTable(QWidget* parent = nullptr);

    void setAlerts(const QVector<Row>& rows);
    void updateAlert(int index, const Row& row);
    int count() const { return int(m_rows.size()); }
    const Row& alert(int index) const { return m_rows[index]; }
    int currentAlert() const; // an index into the rows given, -1 for none
    void setCurrentAlert(int index);
    void moveCurrent(int step);                  // through the rows as sorted and filtered
    void setStatusFilter(const QString& status); // "" for every alert
    QTableView* view() const { return m_view; }
    // What is known about the current alert, below the table.
    void setDetails(const QString& text);
    QString details() const;

signals:
    void alertActivated(int index);
    void reviewRequested(int index, const QString& status);
    void noteRequested(int index, const QString& note);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void fillRow(int index);
    void updateSummary();
    QString statusText(const QString& status) const;
    void review(const QString& status);

    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_reject = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QVector<Row> m_rows;
    bool m_filling = false;
};

} // namespace fathom
