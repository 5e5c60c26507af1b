#include "alerttable.h"

#include <QTableView>

namespace fathom {

AlertTable::AlertTable(QWidget* parent)
    : ReviewTable(parent)
{
    view()->setObjectName(QStringLiteral("alertView"));
    setTimeColumns({0, 1, 2});
    connect(this, &ReviewTable::activated, this, &AlertTable::alertActivated);
    retranslate();
    rememberSort(QStringLiteral("alerts/sort")); // by peak, earliest first, the first time
}

ReviewTable::Item AlertTable::toItem(const Row& r)
{
    return {{r.peak, r.start, r.end, QString::number(r.seconds, 'f', 1), QString::number(r.score, 'f', 2), r.channels,
             r.model},
            {r.peak, r.start, r.end, r.seconds, r.score, r.channels, r.model},
            r.status,
            r.note};
}

void AlertTable::setAlerts(const QVector<Row>& rows)
{
    QVector<Item> items;
    for (const auto& r : rows)
        items.append(toItem(r));
    setItems(items);
}

AlertTable::Row AlertTable::alert(int index) const
{
    const auto& i = item(index);
    return {i.cells.value(1),
            i.cells.value(2),
            i.cells.value(0),
            i.keys.value(3).toDouble(),
            i.keys.value(4).toDouble(),
            i.cells.value(5),
            i.cells.value(6),
            i.status,
            i.note};
}

QStringList AlertTable::columnTitles() const
{
    return {tr("Peak"), tr("Start"), tr("End"), tr("Seconds"), tr("Score"), tr("Channels"), tr("Model")};
}

QString AlertTable::summaryText(int total, int confirmed, int rejected, int shown) const
{
    return tr("%n alert(s): %1 confirmed, %2 rejected, %3 shown", nullptr, total)
        .arg(confirmed)
        .arg(rejected)
        .arg(shown);
}

QString AlertTable::filterHint() const
{
    return tr("Filter by channel, model or note");
}

} // namespace fathom
