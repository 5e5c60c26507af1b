#include "alerttable.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fathom {

namespace {

enum Column { Peak, Start, End, Duration, Score, Channels, Model, Status, Note, ColumnCount };
constexpr int kIndexRole = Qt::UserRole + 1;
constexpr int kStatusRole = Qt::UserRole + 2;

// Sorts numbers as numbers and filters on status and free text.
class AlertFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString status, text;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const auto* m = sourceModel();
        if (!status.isEmpty() && m->index(row, Status, parent).data(kStatusRole).toString() != status)
            return false;
        if (text.isEmpty())
            return true;
        for (int c : {Channels, Model, Note, Peak})
            if (m->index(row, c, parent).data().toString().contains(text, Qt::CaseInsensitive))
                return true;
        return false;
    }
};

} // namespace

AlertTable::AlertTable(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
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

    m_model = new QStandardItemModel(0, ColumnCount, this);
    auto* proxy = new AlertFilter(this);
    m_proxy = proxy;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("alertDetails"));
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
        if (!m_filling && currentAlert() >= 0)
            emit alertActivated(currentAlert());
    });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem* item) {
        if (m_filling || item->column() != Note)
            return;
        const int index = item->data(kIndexRole).toInt();
        if (item->text() != m_rows[index].note)
            emit noteRequested(index, item->text());
    });
    connect(m_confirm, &QPushButton::clicked, this, [this] { review(QStringLiteral("confirmed")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { review(QStringLiteral("rejected")); });
    retranslate();
}

void AlertTable::setAlerts(const QVector<Row>& rows)
{
    m_filling = true;
    m_rows = rows;
    m_model->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i)
        fillRow(i);
    m_filling = false;
    m_view->resizeColumnsToContents();
    updateSummary();
}

void AlertTable::updateAlert(int index, const Row& row)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_filling = true;
    m_rows[index] = row;
    fillRow(index);
    m_filling = false;
    updateSummary();
}

void AlertTable::fillRow(int index)
{
    const auto& r = m_rows[index];
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
    set(Peak, r.peak, r.peak);
    set(Start, r.start, r.start);
    set(End, r.end, r.end);
    set(Duration, QString::number(r.seconds, 'f', 1), r.seconds);
    set(Score, QString::number(r.score, 'f', 2), r.score);
    set(Channels, r.channels, r.channels);
    set(Model, r.model, r.model);
    set(Status, statusText(r.status), r.status);
    m_model->item(index, Status)->setData(r.status, kStatusRole);
    m_model->item(index, Status)
        ->setForeground(r.status == QLatin1String("confirmed")  ? QColor(200, 30, 30)
                        : r.status == QLatin1String("rejected") ? QColor(120, 120, 120)
                                                                : QColor(200, 120, 0));
    set(Note, r.note, r.note, true);
}

void AlertTable::setDetails(const QString& text)
{
    m_details->setText(text);
}

QString AlertTable::details() const
{
    return m_details->text();
}

int AlertTable::currentAlert() const
{
    const auto current = m_view->currentIndex();
    if (!current.isValid())
        return -1;
    return m_proxy->mapToSource(current).siblingAtColumn(Peak).data(kIndexRole).toInt();
}

void AlertTable::setCurrentAlert(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    const auto at = m_proxy->mapFromSource(m_model->index(index, Peak));
    if (!at.isValid())
        return; // filtered out
    m_view->setCurrentIndex(at);
    m_view->scrollTo(at);
}

void AlertTable::moveCurrent(int step)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const auto current = m_view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : (step > 0 ? 0 : rows - 1);
    m_view->setCurrentIndex(m_proxy->index(row, Peak));
}

void AlertTable::setStatusFilter(const QString& status)
{
    const int i = m_statusFilter->findData(status);
    if (i >= 0)
        m_statusFilter->setCurrentIndex(i);
}

void AlertTable::review(const QString& status)
{
    const int index = currentAlert();
    if (index >= 0 && m_rows[index].status != status)
        emit reviewRequested(index, status);
}

bool AlertTable::eventFilter(QObject* watched, QEvent* event)
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
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_view->currentIndex().isValid()) {
                m_view->edit(m_view->currentIndex().siblingAtColumn(Note));
                return true;
            }
            break;
        default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString AlertTable::statusText(const QString& status) const
{
    if (status == QLatin1String("confirmed"))
        return tr("Confirmed");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    return tr("New");
}

void AlertTable::updateSummary()
{
    int confirmed = 0, rejected = 0;
    for (const auto& r : m_rows) {
        confirmed += r.status == QLatin1String("confirmed");
        rejected += r.status == QLatin1String("rejected");
    }
    m_summary->setText(tr("%n alert(s): %1 confirmed, %2 rejected, %3 shown", nullptr, int(m_rows.size()))
                           .arg(confirmed)
                           .arg(rejected)
                           .arg(m_proxy->rowCount()));
}

void AlertTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AlertTable::retranslate()
{
    const auto current = m_statusFilter->currentData().toString();
    m_statusFilter->blockSignals(true);
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("All alerts"), QString());
    m_statusFilter->addItem(tr("New"), QStringLiteral("new"));
    m_statusFilter->addItem(tr("Confirmed"), QStringLiteral("confirmed"));
    m_statusFilter->addItem(tr("Rejected"), QStringLiteral("rejected"));
    m_statusFilter->setCurrentIndex(std::max(0, m_statusFilter->findData(current)));
    m_statusFilter->blockSignals(false);
    m_textFilter->setPlaceholderText(tr("Filter by channel, model or note"));
    m_confirm->setText(tr("Confirm"));
    m_confirm->setToolTip(tr("Confirm the selected alert (C)"));
    m_reject->setText(tr("Reject"));
    m_reject->setToolTip(tr("Reject the selected alert (X); U sets it back to new, J/K move"));
    m_model->setHorizontalHeaderLabels({tr("Peak"), tr("Start"), tr("End"), tr("Seconds"), tr("Score"), tr("Channels"),
                                        tr("Model"), tr("Status"), tr("Note")});
    m_filling = true;
    for (int i = 0; i < m_rows.size(); ++i)
        fillRow(i);
    m_filling = false;
    updateSummary();
}

} // namespace fathom
