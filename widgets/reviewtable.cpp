#include "reviewtable.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace fathom {

namespace {

constexpr int kIndexRole = Qt::UserRole + 1;
constexpr int kStatusRole = Qt::UserRole + 2;

// Sorts on each column's key and filters on status and free text.
class ReviewFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString status, text;
    int statusColumn = 0;
    void refresh() { invalidateFilter(); }
    bool less(const QModelIndex& a, const QModelIndex& b) const { return lessThan(a, b); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const auto* m = sourceModel();
        if (!status.isEmpty() && m->index(row, statusColumn, parent).data(kStatusRole).toString() != status)
            return false;
        if (text.isEmpty())
            return true;
        for (int c = 0; c < m->columnCount(); ++c)
            if (m->index(row, c, parent).data().toString().contains(text, Qt::CaseInsensitive))
                return true;
        return false;
    }
};

} // namespace

ReviewTable::ReviewTable(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = m_bar = new QHBoxLayout;
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_textFilter = new QLineEdit(this);
    m_textFilter->setObjectName(QStringLiteral("textFilter"));
    m_textFilter->setClearButtonEnabled(true);
    m_confirm = new QPushButton(this);
    m_reject = new QPushButton(this);
    m_summary = new QLabel(this);
    bar->addWidget(m_statusFilter);
    bar->addWidget(m_textFilter, 1);
    bar->addWidget(m_confirm);
    bar->addWidget(m_reject);
    bar->addWidget(m_summary);
    layout->addLayout(bar);

    m_model = new QStandardItemModel(this);
    auto* proxy = new ReviewFilter(this);
    m_proxy = proxy;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("reviewView"));
    m_view->setModel(m_proxy);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ReviewTable::orderChanged);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_details);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this, proxy] {
        proxy->status = m_statusFilter->currentData().toString();
        proxy->refresh();
        updateSummary();
    });
    connect(m_textFilter, &QLineEdit::textChanged, this, [this, proxy](const QString& text) {
        proxy->text = text;
        proxy->refresh();
        updateSummary();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_filling && currentIndex() >= 0)
            emit activated(currentIndex());
    });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem* item) {
        if (m_filling || item->column() != statusColumn() + 1)
            return;
        const int index = item->data(kIndexRole).toInt();
        if (item->text() != m_items[index].note)
            emit noteRequested(index, item->text());
    });
    connect(m_confirm, &QPushButton::clicked, this, [this] { review(QStringLiteral("confirmed")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { review(QStringLiteral("rejected")); });
}

int ReviewTable::statusColumn() const
{
    return m_model->columnCount() - 2;
}

void ReviewTable::setItems(const QVector<Item>& items)
{
    m_filling = true;
    m_items = items;
    // When every time shown falls on one UTC day, the day goes once into the headings and the
    // cells show the clock alone ("2025-11-23 06:43:06.000" -> "06:43:06.000").
    QString day;
    bool oneDay = !m_timeColumns.isEmpty() && !items.isEmpty();
    for (const auto& item : items)
        for (int c : m_timeColumns) {
            const QString cell = item.cells.value(c);
            const bool dated = cell.size() > 11 && cell[10] == QLatin1Char(' ') && cell[4] == QLatin1Char('-');
            oneDay = oneDay && dated && (day.isEmpty() || cell.startsWith(day));
            if (oneDay && day.isEmpty())
                day = cell.left(10);
        }
    if ((oneDay ? day : QString()) != m_day) {
        m_day = oneDay ? day : QString();
        setHeaderTitles();
    }
    m_model->setRowCount(int(items.size()));
    for (int i = 0; i < items.size(); ++i)
        fillRow(i);
    m_filling = false;
    // Every column to its contents but the last (the note), which keeps the rest of the width.
    for (int c = 0; c + 1 < m_model->columnCount(); ++c)
        m_view->resizeColumnToContents(c);
    updateSummary();
}

void ReviewTable::updateItem(int index, const Item& item)
{
    if (index < 0 || index >= m_items.size())
        return;
    m_filling = true;
    m_items[index] = item;
    fillRow(index);
    m_filling = false;
    updateSummary();
}

void ReviewTable::fillRow(int index)
{
    const auto& r = m_items[index];
    const auto set = [&](int column, const QString& text, const QVariant& sortKey, bool editable = false) {
        auto* item = m_model->item(index, column);
        if (!item) {
            item = new QStandardItem;
            m_model->setItem(index, column, item);
        }
        item->setText(text);
        item->setData(sortKey, Qt::UserRole);
        item->setData(index, kIndexRole);
        item->setEditable(editable);
    };
    for (int c = 0; c < r.cells.size(); ++c)
        set(c, !m_day.isEmpty() && m_timeColumns.contains(c) ? r.cells[c].mid(11) : r.cells[c],
            r.keys.value(c, r.cells[c]));
    const int status = statusColumn();
    set(status, statusText(r.status), r.status);
    m_model->item(index, status)->setData(r.status, kStatusRole);
    m_model->item(index, status)
        ->setForeground(r.status == QLatin1String("confirmed")  ? QColor(200, 30, 30)
                        : r.status == QLatin1String("rejected") ? QColor(120, 120, 120)
                                                                : QColor(200, 120, 0));
    set(status + 1, r.note, r.note, true);
}

QVector<int> ReviewTable::sortedIndices() const
{
    QVector<int> order(m_items.size());
    std::iota(order.begin(), order.end(), 0);
    const int column = m_proxy->sortColumn();
    if (column < 0 || column >= m_model->columnCount())
        return order;
    const auto* filter = static_cast<const ReviewFilter*>(m_proxy);
    const bool ascending = m_proxy->sortOrder() == Qt::AscendingOrder;
    // As the list sorts (a stable sort on the same keys), filtered rows included.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto first = m_model->index(a, column), second = m_model->index(b, column);
        return ascending ? filter->less(first, second) : filter->less(second, first);
    });
    return order;
}

void ReviewTable::rememberSort(const QString& key)
{
    const QSettings settings;
    const int column = settings.value(key + QStringLiteral("/column"), 0).toInt();
    const auto order =
        settings.value(key + QStringLiteral("/descending"), false).toBool() ? Qt::DescendingOrder : Qt::AscendingOrder;
    m_view->sortByColumn(column >= 0 && column < m_model->columnCount() ? column : 0, order);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [key](int section, Qt::SortOrder sortOrder) {
                QSettings settings;
                settings.setValue(key + QStringLiteral("/column"), section);
                settings.setValue(key + QStringLiteral("/descending"), sortOrder == Qt::DescendingOrder);
            });
}

void ReviewTable::setTimeColumns(const QVector<int>& columns)
{
    m_timeColumns = columns;
}

void ReviewTable::setHeaderTitles()
{
    auto titles = columnTitles();
    for (int c : m_timeColumns)
        if (c < titles.size())
            titles[c] = m_day.isEmpty() ? tr("%1 (UTC)").arg(titles[c]) : tr("%1 (UTC, %2)").arg(titles[c], m_day);
    titles << tr("Status") << tr("Note");
    m_model->setColumnCount(int(titles.size()));
    m_model->setHorizontalHeaderLabels(titles);
}

void ReviewTable::addBarButton(QWidget* button)
{
    m_bar->insertWidget(m_bar->indexOf(m_summary), button);
}

void ReviewTable::setDetails(const QString& text)
{
    m_details->setText(text);
}

QString ReviewTable::details() const
{
    return m_details->text();
}

int ReviewTable::currentIndex() const
{
    const auto current = m_view->currentIndex();
    if (!current.isValid())
        return -1;
    return m_proxy->mapToSource(current).siblingAtColumn(0).data(kIndexRole).toInt();
}

void ReviewTable::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    const auto at = m_proxy->mapFromSource(m_model->index(index, 0));
    if (!at.isValid())
        return; // filtered out
    m_view->setCurrentIndex(at);
    m_view->scrollTo(at);
}

void ReviewTable::addReviewActions(QMenu* menu, int index, const QString& noun,
                                   const std::function<void(const QString&)>& setStatus, const QString& noteLabel)
{
    if (index < 0 || index >= m_items.size())
        return;
    const auto status = m_items[index].status;
    const std::pair<QString, QString> statuses[] = {{QStringLiteral("confirmed"), tr("Confirm")},
                                                    {QStringLiteral("rejected"), tr("Reject")},
                                                    {QStringLiteral("new"), tr("Back to New")}};
    const QString keys[] = {QStringLiteral("C"), QStringLiteral("X"), QStringLiteral("U")};
    for (int i = 0; i < 3; ++i) {
        const auto& [name, text] = statuses[i];
        auto* action = menu->addAction(text, this, [setStatus, name = name] { setStatus(name); });
        action->setObjectName(name + noun);
        action->setShortcut(QKeySequence(keys[i])); // shown as the list's key; the list handles it
        action->setEnabled(status != name);
    }
    auto* note = menu->addAction(tr("Note…"), this, [this, index, noteLabel] {
        if (index >= m_items.size())
            return;
        bool ok = false;
        const auto text =
            QInputDialog::getText(this, tr("Note"), noteLabel, QLineEdit::Normal, m_items[index].note, &ok);
        if (ok && index < m_items.size() && text != m_items[index].note)
            emit noteRequested(index, text);
    });
    note->setObjectName(noun.toLower() + QStringLiteral("Note"));
}

void ReviewTable::moveCurrent(int step)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const auto current = m_view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : (step > 0 ? 0 : rows - 1);
    m_view->setCurrentIndex(m_proxy->index(row, 0));
}

void ReviewTable::setStatusFilter(const QString& status)
{
    const int i = m_statusFilter->findData(status);
    if (i >= 0)
        m_statusFilter->setCurrentIndex(i);
}

void ReviewTable::review(const QString& status)
{
    const int index = currentIndex();
    if (index >= 0 && m_items[index].status != status)
        emit reviewRequested(index, status);
}

bool ReviewTable::claimsKey(int) const
{
    return false;
}

bool ReviewTable::eventFilter(QObject* watched, QEvent* event)
{
    // While a note is edited its editor has the keys, not the view.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_J: moveCurrent(1); return true;
        case Qt::Key_K: moveCurrent(-1); return true;
        case Qt::Key_C: review(QStringLiteral("confirmed")); return true;
        case Qt::Key_X: review(QStringLiteral("rejected")); return true;
        case Qt::Key_U: review(QStringLiteral("new")); return true;
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            if (currentIndex() >= 0)
                emit removeRequested(currentIndex());
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_view->currentIndex().isValid()) {
                m_view->edit(m_view->currentIndex().siblingAtColumn(statusColumn() + 1));
                return true;
            }
            break;
        default:
            if (claimsKey(key->key()) && currentIndex() >= 0) {
                emit keyPressed(currentIndex(), key->key());
                return true;
            }
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ReviewTable::statusText(const QString& status) const
{
    if (status == QLatin1String("confirmed"))
        return tr("Confirmed");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    return tr("New");
}

void ReviewTable::updateSummary()
{
    int confirmed = 0, rejected = 0;
    for (const auto& r : m_items) {
        confirmed += r.status == QLatin1String("confirmed");
        rejected += r.status == QLatin1String("rejected");
    }
    m_summary->setText(summaryText(int(m_items.size()), confirmed, rejected, m_proxy->rowCount()));
}

void ReviewTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReviewTable::retranslate()
{
    const auto current = m_statusFilter->currentData().toString();
    m_statusFilter->blockSignals(true);
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("Everything"), QString());
    m_statusFilter->addItem(tr("New"), QStringLiteral("new"));
    m_statusFilter->addItem(tr("Confirmed"), QStringLiteral("confirmed"));
    m_statusFilter->addItem(tr("Rejected"), QStringLiteral("rejected"));
    m_statusFilter->setCurrentIndex(std::max(0, m_statusFilter->findData(current)));
    m_statusFilter->blockSignals(false);
    m_textFilter->setPlaceholderText(filterHint());
    m_confirm->setText(tr("Confirm"));
    m_confirm->setToolTip(tr("Confirm the selected item (C)"));
    m_reject->setText(tr("Reject"));
    m_reject->setToolTip(tr("Reject the selected item (X); U sets it back to new, J/K move, Enter edits the note"));
    setHeaderTitles();
    static_cast<ReviewFilter*>(m_proxy)->statusColumn = statusColumn();
    m_filling = true;
    for (int i = 0; i < m_items.size(); ++i)
        fillRow(i);
    m_filling = false;
    updateSummary();
}

} // namespace fathom
