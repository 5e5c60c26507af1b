#include "contacttable.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QTableView>

#include <cmath>

namespace fathom {

ContactTable::ContactTable(QWidget* parent)
    : ReviewTable(parent)
{
    view()->setObjectName(QStringLiteral("contactView"));
    setTimeColumns({2});
    connect(this, &ReviewTable::keyPressed, this, [this](int index, int key) {
        const auto cls = classForKey(key);
        if (!cls.isNull())
            emit classRequested(index, cls);
    });
    retranslate();
    rememberSort(QStringLiteral("contacts/sort")); // along the line the first time
}

QStringList ContactTable::classes()
{
    return {QStringLiteral("cylinder"), QStringLiteral("cone"),   QStringLiteral("sphere"),
            QStringLiteral("rock"),     QStringLiteral("debris"), QStringLiteral("wreck")};
}

QString ContactTable::className(const QString& key)
{
    if (key == QLatin1String("cylinder"))
        return tr("cylinder");
    if (key == QLatin1String("cone"))
        return tr("cone");
    if (key == QLatin1String("sphere"))
        return tr("sphere");
    if (key == QLatin1String("rock"))
        return tr("rock");
    if (key == QLatin1String("debris"))
        return tr("debris");
    if (key == QLatin1String("wreck"))
        return tr("wreck");
    return key;
}

QString ContactTable::detectorName(const QString& key)
{
    if (key == QLatin1String("classical"))
        return tr("classical");
    if (key == QLatin1String("cnn"))
        return tr("CNN");
    if (key == QLatin1String("fused"))
        return tr("fused");
    if (key == QLatin1String("analyst"))
        return tr("analyst");
    return key;
}

QString ContactTable::classForKey(int key)
{
    if (key == Qt::Key_0)
        return QLatin1String("");
    if (key >= Qt::Key_1 && key <= Qt::Key_6)
        return classes().at(key - Qt::Key_1);
    return {};
}

bool ContactTable::reviewKey(int key)
{
    const bool moves = key == Qt::Key_J || key == Qt::Key_K;
    const bool reviews = key == Qt::Key_C || key == Qt::Key_X || key == Qt::Key_U || key == Qt::Key_Delete ||
                         key == Qt::Key_Return || key == Qt::Key_Enter || !classForKey(key).isNull();
    if (!(moves || reviews) || count() == 0 || (reviews && currentIndex() < 0))
        return false;
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(view(), &press);
    return true;
}

bool ContactTable::claimsKey(int key) const
{
    return !classForKey(key).isNull();
}

void ContactTable::setContacts(const QVector<Row>& rows)
{
    QVector<Item> items;
    for (const auto& r : rows) {
        const bool analyst = r.detector == QLatin1String("analyst"); // marked by hand: no detector's score
        items.append(
            {{QString::number(r.ping), r.side, r.time, r.position,
              r.range >= 0 ? QString::number(r.range, 'f', 1) : QStringLiteral("—"), QString::number(r.length, 'f', 1),
              QString::number(r.width, 'f', 1),
              r.height > 0 ? QString::number(r.height, 'f', 2) : QStringLiteral("—"), // — : no shadow found
              className(r.cls), analyst ? QStringLiteral("—") : QString::number(r.score, 'f', 2),
              detectorName(r.detector), r.cnn >= 0 ? QString::number(std::lround(r.cnn * 100)) : QStringLiteral("—")},
             {r.ping, r.side, r.time, r.position, r.range, r.length, r.width, r.height, r.cls, r.score, r.detector,
              r.cnn},
             r.status,
             r.note});
    }
    setItems(items);
}

QStringList ContactTable::columnTitles() const
{
    return {tr("Ping"),      tr("Side"),       tr("Time"),  tr("Position"), tr("Range (m)"), tr("Length (m)"),
            tr("Width (m)"), tr("Height (m)"), tr("Class"), tr("Score"),    tr("Detector"),  tr("CNN (%)")};
}

QString ContactTable::summaryText(int total, int confirmed, int rejected, int shown) const
{
    return tr("%n contact(s): %1 confirmed, %2 rejected, %3 shown", nullptr, total)
        .arg(confirmed)
        .arg(rejected)
        .arg(shown);
}

QString ContactTable::filterHint() const
{
    return tr("Filter by class, detector or note · keys 1–6 set the class");
}

} // namespace fathom
