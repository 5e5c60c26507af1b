// SeriesPlot's marks: alerts shaded on every lane, the selected span, the moment a ping was
// recorded, and the clicks and context menu that act on them.
#include "seriesplot.h"

#include "imageexport.h"

#include <QMenu>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace fathom {

namespace {

QColor alertColor(const QString& status, bool current)
{
    QColor c = status == QLatin1String("confirmed")  ? QColor(214, 39, 40)
               : status == QLatin1String("rejected") ? QColor(127, 127, 127)
                                                     : QColor(255, 150, 0);
    c.setAlpha(current ? 110 : 60);
    return c;
}

// On `rect`'s time axis across, and a share of its height down (0 the top, 1 the bottom).
void placeInLane(QCPItemPosition* p, QCPAxisRect* rect)
{
    p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    p->setAxisRect(rect);
    p->setTypeY(QCPItemPosition::ptAxisRectRatio);
}

} // namespace

// A span of time across one lane, full height, clipped to it.
QCPItemRect* SeriesPlot::spanItem(QCPAxisRect* rect, double start, double end)
{
    auto* item = new QCPItemRect(m_plot);
    item->setClipAxisRect(rect);
    for (auto* p : {item->topLeft, item->bottomRight})
        placeInLane(p, rect);
    item->topLeft->setCoords(start, 0);
    item->bottomRight->setCoords(end, 1);
    return item;
}

void SeriesPlot::drawAlerts()
{
    for (auto* item : m_alertItems)
        m_plot->removeItem(item);
    m_alertItems.clear();
    m_alertScores.clear();
    for (int i = 0; i < m_alerts.size(); ++i) {
        const auto& a = m_alerts[i];
        for (auto* rect : m_lanes) {
            // At least a pixel wide at any zoom: a one-row alert still shows.
            auto* item = spanItem(rect, a.start, std::max(a.end, a.start + 1e-6));
            const QColor c = alertColor(a.status, i == m_currentAlert);
            item->setBrush(c);
            item->setPen(i == m_currentAlert ? QPen(c.darker(), 2) : QPen(c, 1));
            item->setSelectable(false);
            m_alertItems.append(item);
        }
        if (!m_lanes.isEmpty()) {
            // The marker points at the peak; the score stands beside it, clear of the span's line.
            auto* rect = m_lanes.front();
            const auto text = [&](const QString& words, Qt::Alignment alignment, int indent) {
                auto* label = new QCPItemText(m_plot);
                label->setClipAxisRect(rect);
                placeInLane(label->position, rect);
                label->position->setCoords(a.peak, 0.02);
                label->setPositionAlignment(alignment | Qt::AlignTop);
                label->setPadding(QMargins(indent, 0, 0, 0));
                label->setText(words);
                label->setColor(alertColor(a.status, true).darker(150));
                label->setSelectable(false);
                m_alertItems.append(label);
                return label;
            };
            const auto* marker = text(QStringLiteral("▼"), Qt::AlignHCenter, 0);
            const int half = QFontMetrics(marker->font()).horizontalAdvance(marker->text()) / 2;
            m_alertScores.append(text(QString::number(a.score, 'f', 1), Qt::AlignLeft, half + 2));
        }
    }
    thinAlertScores();
}

void SeriesPlot::thinAlertScores()
{
    if (m_alertScores.size() != m_alerts.size() || m_lanes.isEmpty())
        return;
    const auto* axis = m_lanes.front()->axis(QCPAxis::atBottom);
    QVector<int> order(m_alerts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return m_alerts[a].peak < m_alerts[b].peak; });
    for (int k = 0; k < order.size(); ++k) {
        auto* score = m_alertScores[order[k]];
        const double from = axis->coordToPixel(m_alerts[order[k]].peak);
        const double width = score->padding().left() + QFontMetricsF(score->font()).horizontalAdvance(score->text());
        // The next marker stands half a marker's width left of its peak.
        const double next = k + 1 < order.size()
                                ? axis->coordToPixel(m_alerts[order[k + 1]].peak) - (score->padding().left() - 2)
                                : std::numeric_limits<double>::infinity();
        score->setVisible(order[k] == m_currentAlert || from + width + 3 < next);
    }
}

void SeriesPlot::setAlerts(const QVector<Alert>& alerts)
{
    m_alerts = alerts;
    if (m_currentAlert >= m_alerts.size())
        m_currentAlert = -1;
    drawAlerts();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPair<double, double> SeriesPlot::drawnSpan(int index) const
{
    // Per alert: one span per lane, then its peak's marker and score.
    const int perAlert = int(m_lanes.size()) + (m_lanes.isEmpty() ? 0 : 2);
    const int at = index * perAlert;
    if (index < 0 || at >= m_alertItems.size() || m_lanes.isEmpty())
        return {qQNaN(), qQNaN()};
    const auto* item = static_cast<const QCPItemRect*>(m_alertItems[at]);
    return {item->topLeft->coords().x(), item->bottomRight->coords().x()};
}

void SeriesPlot::setCurrentAlert(int index)
{
    m_currentAlert = index >= 0 && index < m_alerts.size() ? index : -1;
    drawAlerts();
    if (m_currentAlert >= 0) {
        const auto& a = m_alerts[m_currentAlert];
        const auto [lower, upper] = xRange();
        if (a.peak < lower || a.peak > upper) {
            const double half = (upper - lower) / 2;
            setXRange(a.peak - half, a.peak + half);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPlot::setParts(double validationFrom, double testFrom)
{
    m_parts = {validationFrom, testFrom};
    drawParts();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPlot::drawParts()
{
    for (auto* item : m_partItems)
        m_plot->removeItem(item);
    m_partItems.clear();
    const QPair<double, QString> parts[] = {{m_parts.first, tr("validation")}, {m_parts.second, tr("test")}};
    for (const auto& [x, name] : parts) {
        if (std::isnan(x))
            continue;
        for (auto* rect : m_lanes) {
            auto* line = new QCPItemStraightLine(m_plot);
            line->setClipAxisRect(rect);
            for (auto* p : {line->point1, line->point2})
                placeInLane(p, rect);
            line->point1->setCoords(x, 0);
            line->point2->setCoords(x, 1);
            line->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashDotLine));
            line->setSelectable(false);
            m_partItems.append(line);
        }
        if (m_lanes.isEmpty())
            continue;
        // Named once, at the foot of the last lane, beside the time labels: "validation →".
        auto* rect = m_lanes.back();
        auto* label = new QCPItemText(m_plot);
        label->setClipAxisRect(rect);
        placeInLane(label->position, rect);
        label->position->setCoords(x, 0.98);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(3, 0, 3, 0));
        label->setText(name + QStringLiteral(" →"));
        label->setColor(QColor(70, 70, 70));
        label->setBrush(QColor(255, 255, 255, 190));
        label->setSelectable(false);
        m_partItems.append(label);
    }
}

void SeriesPlot::showMoment(double x)
{
    m_moment = x;
    for (auto* line : m_moments) {
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setVisible(true);
    }
    const auto [lower, upper] = xRange();
    if (x < lower || x > upper) {
        const double half = (upper - lower) / 2;
        setXRange(x - half, x + half);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int SeriesPlot::alertAt(double x) const
{
    // Within 4 pixels of its span: an alert of a few rows is a pixel wide on a long record.
    const auto* axis = m_plot->axisRect(0) ? m_plot->axisRect(0)->axis(QCPAxis::atBottom) : nullptr;
    const double slack = axis ? std::abs(axis->pixelToCoord(4) - axis->pixelToCoord(0)) : 0;
    int best = -1;
    double nearest = slack;
    for (int i = 0; i < m_alerts.size(); ++i) {
        const double start = m_alerts[i].start, end = std::max(m_alerts[i].end, start);
        const double away = x < start ? start - x : x > end ? x - end : 0;
        if (away <= nearest && (best < 0 || away < nearest)) {
            best = i;
            nearest = away;
        }
    }
    return best;
}

void SeriesPlot::onClick(double x)
{
    if (const int alert = alertAt(x); alert >= 0)
        emit alertClicked(alert);
    else
        emit momentClicked(x);
}

qint64 SeriesPlot::rowAt(double x) const
{
    return qint64(std::lower_bound(m_x.begin(), m_x.end(), x) - m_x.begin());
}

void SeriesPlot::setSelection(double start, double end)
{
    m_selection = {std::min(start, end), std::max(start, end)};
    drawSelection();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPlot::drawSelection()
{
    for (auto* item : m_selectionItems)
        m_plot->removeItem(item);
    m_selectionItems.clear();
    if (m_selection.second <= m_selection.first)
        return;
    for (auto* rect : m_lanes) {
        auto* item = spanItem(rect, m_selection.first, m_selection.second);
        item->setBrush(QColor(31, 119, 180, 40));
        item->setPen(QPen(QColor(31, 119, 180), 1, Qt::DashLine));
        m_selectionItems.append(item);
    }
}

QImage SeriesPlot::viewImage() const
{
    // Twice the pixels of the screen: sharp on a slide.
    return m_plot->toPixmap(0, 0, 2.0).toImage();
}

void SeriesPlot::showContextMenu(const QPoint& at)
{
    QMenu menu(this);
    const auto* axis = m_plot->axisRect(0) ? m_plot->axisRect(0)->axis(QCPAxis::atBottom) : nullptr;
    emit contextMenuAbout(&menu, axis ? alertAt(axis->pixelToCoord(at.x())) : -1);
    if (!menu.isEmpty())
        menu.addSeparator();
    auto* mark = menu.addAction(tr("Mark the selection as an anomaly"));
    mark->setEnabled(m_selection.second > m_selection.first);
    connect(mark, &QAction::triggered, this, [this] { emit markRequested(m_selection.first, m_selection.second); });
    menu.addAction(tr("Clear the selection"), this, [this] { setSelection(0, 0); });
    menu.addAction(tr("Show everything"), this, &SeriesPlot::showAll);
    menu.addSeparator();
    menu.addActions(imageActions(
        &menu, [this] { return viewImage(); }, QStringLiteral("series.png")));
    menu.exec(m_plot->mapToGlobal(at));
}

} // namespace fathom
