#include "seriesplot.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace fathom {

namespace {

constexpr int kDefaultLanes = 4;

// Columns that are not measurements: a counter (strictly increasing whole numbers, like a ping
// number) or a 0/1 label. They are left out of the lanes shown at first.
bool isBookkeeping(const QVector<double>& column)
{
    bool counter = column.size() > 1, binary = true;
    for (int i = 0; i < column.size(); ++i) {
        counter = counter && column[i] == std::floor(column[i]) && (i == 0 || column[i] > column[i - 1]);
        binary = binary && (column[i] == 0 || column[i] == 1);
    }
    return counter || binary;
}
const QColor kForecastColors[] = {QColor(214, 39, 40),  QColor(44, 160, 44),  QColor(148, 103, 189),
                                  QColor(255, 127, 14), QColor(23, 190, 207), QColor(140, 86, 75)};

// The value of a sorted series at x: the nearest sample at or before it.
double sampleAt(const QVector<double>& xs, const QVector<double>& values, double x)
{
    if (xs.isEmpty())
        return qQNaN();
    auto it = std::upper_bound(xs.begin(), xs.end(), x);
    if (it != xs.begin())
        --it;
    return values[int(it - xs.begin())];
}

} // namespace

SeriesPlot::SeriesPlot(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* top = new QHBoxLayout;
    m_channelButton = new QPushButton(this); // a push button's menu arrow leaves its text room
    m_channelButton->setObjectName(QStringLiteral("channelButton"));
    m_channelButton->setMenu(new QMenu(m_channelButton));
    connect(m_channelButton->menu(), &QMenu::aboutToShow, this, &SeriesPlot::fillChannelMenu);
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("readout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A readout of many lanes is long: it is cut at the plot's edge, never widens the window's
    // middle (it squeezed the Survey dock while the mouse was over the lanes).
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_readout->setMinimumWidth(0);
    top->addWidget(m_channelButton);
    top->addWidget(m_readout, 1);
    layout->addLayout(top);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("seriesPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->addLayer(QStringLiteral("cursor"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->layer(QStringLiteral("cursor"))->setMode(QCPLayer::lmBuffered);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_margins = new QCPMarginGroup(m_plot);
    layout->addWidget(m_plot, 1);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        m_plot->setSelectionRectMode(e->modifiers() & Qt::ControlModifier ? QCP::srmZoom : QCP::srmNone);
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { showAll(); });
    connect(m_plot, &QCustomPlot::afterLayout, this, &SeriesPlot::thinAlertScores); // at every zoom and size
    retranslate();
    clear();
}

void SeriesPlot::clear()
{
    m_x.clear();
    m_channels.clear();
    m_columns.clear();
    m_blocks.clear();
    m_visible.clear();
    m_forecasts.clear();
    m_bands.clear();
    m_alerts.clear();
    m_currentAlert = -1;
    m_parts = {qQNaN(), qQNaN()};
    rebuild();
}

void SeriesPlot::setSeries(const QVector<double>& x, bool isTime, const QStringList& channels,
                           const QVector<QVector<double>>& columns)
{
    m_x = x;
    m_isTime = isTime;
    m_channels = channels;
    m_columns = columns;
    m_blocks.clear();
    for (const auto& column : columns) {
        QVector<QPair<double, double>> blocks;
        for (int start = 0; start < column.size(); start += kBlock) {
            double lo = qInf(), hi = -qInf();
            for (int i = start; i < std::min<int>(int(column.size()), start + kBlock); ++i)
                if (!std::isnan(column[i])) {
                    lo = std::min(lo, column[i]);
                    hi = std::max(hi, column[i]);
                }
            blocks.append({lo, hi});
        }
        m_blocks.append(blocks);
    }
    m_forecasts.clear();
    m_bands.clear();
    m_parts = {qQNaN(), qQNaN()}; // another series: the model's parts come again with its forecast
    m_alerts.clear();
    m_currentAlert = -1;
    m_visible.clear();
    for (int c = 0; c < channels.size() && m_visible.size() < kDefaultLanes; ++c)
        if (!isBookkeeping(columns[c]))
            m_visible << channels[c];
    rebuild();
    showAll();
    m_readout->setText(tr("Move the cursor over the lanes to read every channel"));
}

void SeriesPlot::setVisibleChannels(const QStringList& channels)
{
    QStringList visible;
    for (const auto& c : channels)
        if (m_channels.contains(c) && !visible.contains(c))
            visible << c;
    if (visible == m_visible)
        return;
    m_visible = visible;
    rebuildKeepingRange();
    emit visibleChannelsChanged(m_visible);
}

QStringList SeriesPlot::visibleChannels() const
{
    return m_visible;
}

int SeriesPlot::laneOf(const QString& channel) const
{
    return int(m_visible.indexOf(channel));
}

void SeriesPlot::rebuild()
{
    m_plot->clearItems();
    m_plot->clearGraphs();
    m_lanes.clear(); // before the rects go: deleting them sends events here
    m_plot->plotLayout()->clear();
    m_cursors.clear();
    m_moments.clear();
    m_alertItems.clear();
    m_alertScores.clear();
    m_selectionItems.clear();
    m_partItems.clear();
    QSharedPointer<QCPAxisTicker> ticker;
    if (m_isTime) {
        auto dates = QSharedPointer<QCPAxisTickerDateTime>::create();
        dates->setDateTimeFormat(QStringLiteral("HH:mm:ss\nyyyy-MM-dd"));
        dates->setTimeZone(QTimeZone::utc());
        ticker = dates;
    } else {
        ticker = QSharedPointer<QCPAxisTicker>::create();
    }
    m_plot->plotLayout()->setRowSpacing(0);
    for (int lane = 0; lane < m_visible.size(); ++lane) {
        auto* rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(lane, 0, rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, m_margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setMinimumSize(50, 40);
        auto* x = rect->axis(QCPAxis::atBottom);
        x->setTicker(ticker);
        const bool last = lane == m_visible.size() - 1;
        x->setTickLabels(last);
        if (!last) {
            // Lanes sit close: only the bottom one spends room on the time labels.
            rect->setAutoMargins(QCP::msLeft | QCP::msRight);
            rect->setMargins(QMargins(0, 4, 0, 4));
        }
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        auto* y = rect->axis(QCPAxis::atLeft);
        // The channel's name inside its lane: a rotated axis label would not fit a short lane.
        auto* name = new QCPItemText(m_plot);
        name->setClipAxisRect(rect);
        name->position->setAxisRect(rect);
        name->position->setType(QCPItemPosition::ptAxisRectRatio);
        name->position->setCoords(0.005, 0.02);
        name->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        name->setText(m_visible[lane]);
        name->setFont(small);
        name->setBrush(QColor(255, 255, 255, 200));
        name->setPadding(QMargins(3, 0, 3, 0));
        y->setTickLabelFont(small);
        y->setPadding(2);
        y->setLabelPadding(2);
        y->ticker()->setTickCount(2);
        auto* graph = m_plot->addGraph(x, rect->axis(QCPAxis::atLeft));
        graph->setPen(QPen(QColor(31, 119, 180)));
        graph->setName(m_visible[lane]);
        graph->setData(m_x, m_columns[int(m_channels.indexOf(m_visible[lane]))], true);
        connect(x, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this](const QCPRange& r) { syncRanges(r.lower, r.upper); });
        for (auto* list : {&m_cursors, &m_moments}) {
            auto* line = new QCPItemStraightLine(m_plot);
            line->setLayer(list == &m_cursors ? QStringLiteral("cursor") : QStringLiteral("main"));
            line->setClipAxisRect(rect);
            for (auto* p : {line->point1, line->point2}) {
                p->setAxes(x, rect->axis(QCPAxis::atLeft));
                p->setAxisRect(rect);
                p->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            line->point1->setCoords(qQNaN(), 0);
            line->point2->setCoords(qQNaN(), 1);
            line->setPen(list == &m_cursors ? QPen(QColor(80, 80, 80), 1, Qt::DotLine) : QPen(QColor(0, 128, 0), 2));
            line->setVisible(false);
            list->append(line);
        }
        m_lanes.append(rect);
    }
    for (auto it = m_bands.cbegin(); it != m_bands.cend(); ++it) {
        const int lane = laneOf(it->channel);
        if (lane < 0)
            continue;
        auto* x = m_lanes[lane]->axis(QCPAxis::atBottom);
        auto* y = m_lanes[lane]->axis(QCPAxis::atLeft);
        auto* lower = m_plot->addGraph(x, y);
        auto* upper = m_plot->addGraph(x, y);
        lower->setName(it.key() + QStringLiteral(" band"));
        upper->setName(it.key() + QStringLiteral(" band"));
        lower->setPen(Qt::NoPen);
        upper->setPen(Qt::NoPen);
        lower->setData(it->x, it->lower, true);
        upper->setData(it->x, it->upper, true);
        upper->setBrush(QColor(214, 39, 40, 45));
        upper->setChannelFillGraph(lower);
    }
    int colour = 0;
    for (auto it = m_forecasts.begin(); it != m_forecasts.end(); ++it) {
        it->color = kForecastColors[colour++ % std::size(kForecastColors)];
        const int lane = laneOf(it->channel);
        if (lane < 0)
            continue;
        auto* graph = m_plot->addGraph(m_lanes[lane]->axis(QCPAxis::atBottom), m_lanes[lane]->axis(QCPAxis::atLeft));
        graph->setName(it.key());
        QColor c = it->color;
        c.setAlpha(170);
        graph->setPen(QPen(c, 1.2, Qt::DashLine)); // the measured line stays readable under it
        graph->setData(it->x, it->values, true);
        graph->setVisible(it->visible);
    }
    if (!m_x.isEmpty() && !m_moments.isEmpty() && !std::isnan(m_moment))
        for (auto* line : m_moments) {
            line->point1->setCoords(m_moment, 0);
            line->point2->setCoords(m_moment, 1);
            line->setVisible(true);
        }
    drawAlerts();
    drawSelection();
    drawParts();
    if (!m_x.isEmpty())
        for (auto* rect : m_lanes) {
            const auto range = rect->axis(QCPAxis::atBottom)->range();
            fitLane(rect, range.lower, range.upper);
        }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPlot::rebuildKeepingRange()
{
    const auto range = xRange();
    rebuild();
    setXRange(range.first, range.second);
}

void SeriesPlot::setBand(const QString& model, const QString& channel, const QVector<double>& x,
                         const QVector<double>& lower, const QVector<double>& upper, bool redraw)
{
    m_bands[model] = {channel, x, lower, upper};
    if (redraw)
        rebuildKeepingRange();
}

void SeriesPlot::setForecast(const QString& model, const QString& channel, const QVector<double>& x,
                             const QVector<double>& values, bool shown, bool redraw)
{
    const bool visible = m_forecasts.contains(model) ? m_forecasts[model].visible : shown;
    m_forecasts[model] = {channel, x, values, visible, {}};
    if (m_channels.contains(channel) && !m_visible.contains(channel)) {
        m_visible.prepend(channel); // a forecast is shown over its channel
        emit visibleChannelsChanged(m_visible);
    }
    if (redraw)
        rebuildKeepingRange();
}

void SeriesPlot::setForecastVisible(const QString& model, bool visible)
{
    if (!m_forecasts.contains(model))
        return;
    m_forecasts[model].visible = visible;
    for (int i = 0; i < m_plot->graphCount(); ++i)
        if (m_plot->graph(i)->name() == model)
            m_plot->graph(i)->setVisible(visible);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPlot::showAll()
{
    if (m_x.isEmpty())
        return;
    setXRange(m_x.front(), m_x.back() > m_x.front() ? m_x.back() : m_x.front() + 1);
}

QPair<double, double> SeriesPlot::xRange() const
{
    if (m_lanes.isEmpty())
        return {0, 1};
    const auto r = m_lanes.front()->axis(QCPAxis::atBottom)->range();
    return {r.lower, r.upper};
}

void SeriesPlot::setXRange(double lower, double upper)
{
    if (m_lanes.isEmpty())
        return;
    m_lanes.front()->axis(QCPAxis::atBottom)->setRange(lower, upper);
    syncRanges(lower, upper);
}

void SeriesPlot::syncRanges(double lower, double upper)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (auto* rect : m_lanes) {
        rect->axis(QCPAxis::atBottom)->setRange(lower, upper);
        fitLane(rect, lower, upper);
    }
    m_syncing = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Each lane's value axis fits what is in view: from per-block minima and maxima (1,024 samples a
// block) for the blocks wholly inside the range, so a million-point lane costs a thousand steps.
void SeriesPlot::fitLane(QCPAxisRect* rect, double lower, double upper)
{
    const int lane = int(m_lanes.indexOf(rect));
    if (lane < 0 || m_x.isEmpty())
        return;
    const int c = int(m_channels.indexOf(m_visible[lane]));
    const auto& column = m_columns[c];
    const auto& blocks = m_blocks[c];
    auto i0 = int(std::lower_bound(m_x.begin(), m_x.end(), lower) - m_x.begin());
    auto i1 = int(std::upper_bound(m_x.begin(), m_x.end(), upper) - m_x.begin());
    if (i0 >= i1) {
        i0 = std::max(0, i0 - 1);
        i1 = std::min(int(m_x.size()), i0 + 2);
    }
    double lo = qInf(), hi = -qInf();
    const auto take = [&](double v) {
        if (!std::isnan(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    int i = i0;
    for (; i < i1 && i % kBlock != 0; ++i)
        take(column[i]);
    for (; i + kBlock <= i1; i += kBlock) {
        take(blocks[i / kBlock].first);
        take(blocks[i / kBlock].second);
    }
    for (; i < i1; ++i)
        take(column[i]);
    if (!std::isfinite(lo))
        return;
    const double pad = hi > lo ? (hi - lo) * 0.08 : std::max(1e-6, std::abs(hi) * 0.05 + 0.5);
    rect->axis(QCPAxis::atLeft)->setRange(lo - pad, hi + pad);
}

QString SeriesPlot::readoutAt(double x) const
{
    QStringList parts;
    parts << (m_isTime ? QDateTime::fromMSecsSinceEpoch(qint64(std::llround(x * 1000)), QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                       : QString::number(x, 'f', 0));
    for (const auto& channel : m_visible)
        parts << QStringLiteral("%1 %2").arg(channel).arg(sampleAt(m_x, m_columns[int(m_channels.indexOf(channel))], x),
                                                          0, 'g', 6);
    return parts.join(QStringLiteral("   "));
}

double SeriesPlot::valueAt(const QString& channel, double x) const
{
    const auto c = m_channels.indexOf(channel);
    return c < 0 ? qQNaN() : sampleAt(m_x, m_columns[int(c)], x);
}

void SeriesPlot::onMouseMove(double x)
{
    for (auto* line : m_cursors) {
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setVisible(true);
    }
    m_plot->layer(QStringLiteral("cursor"))->replot();
    auto text = readoutAt(x);
    if (m_selection.second > m_selection.first)
        text += tr("   selected: %1 s").arg(m_selection.second - m_selection.first, 0, 'f', 1);
    m_readout->setText(text);
}

bool SeriesPlot::eventFilter(QObject* watched, QEvent* event)
{
    static QPoint pressedAt;
    const auto type = event->type();
    const bool mouse =
        type == QEvent::MouseMove || type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease;
    if (watched == m_plot && mouse && !m_lanes.isEmpty()) {
        auto* axis = m_lanes.front()->axis(QCPAxis::atBottom);
        const auto* e = static_cast<QMouseEvent*>(event);
        const double x = axis->pixelToCoord(e->position().x());
        // Shift+drag selects a span of time; the plot does not pan meanwhile.
        if (type == QEvent::MouseButtonPress && e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier)) {
            m_selectFrom = x;
            setSelection(x, x);
            return true;
        }
        if (!std::isnan(m_selectFrom)) {
            if (type == QEvent::MouseMove) {
                setSelection(m_selectFrom, x);
                onMouseMove(x);
            } else if (type == QEvent::MouseButtonRelease) {
                setSelection(m_selectFrom, x);
                m_selectFrom = qQNaN();
                if (m_selection.second > m_selection.first)
                    emit rangeSelected(m_selection.first, m_selection.second);
            }
            return true;
        }
        if (type == QEvent::MouseButtonPress && e->button() == Qt::RightButton) {
            showContextMenu(e->position().toPoint());
            return true;
        }
        if (event->type() == QEvent::MouseMove) {
            onMouseMove(axis->pixelToCoord(static_cast<QMouseEvent*>(event)->position().x()));
        } else if (event->type() == QEvent::MouseButtonPress) {
            pressedAt = static_cast<QMouseEvent*>(event)->position().toPoint();
        } else if (event->type() == QEvent::MouseButtonRelease) {
            const auto* e = static_cast<QMouseEvent*>(event);
            if (e->button() == Qt::LeftButton && (e->position().toPoint() - pressedAt).manhattanLength() < 4)
                onClick(axis->pixelToCoord(e->position().x()));
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SeriesPlot::fillChannelMenu()
{
    auto* menu = m_channelButton->menu();
    menu->clear();
    for (const auto& channel : m_channels) {
        auto* action = menu->addAction(channel);
        action->setCheckable(true);
        action->setChecked(m_visible.contains(channel));
        connect(action, &QAction::toggled, this, [this, channel](bool on) {
            QStringList visible;
            for (const auto& c : m_channels)
                if (c == channel ? on : m_visible.contains(c))
                    visible << c;
            setVisibleChannels(visible);
        });
    }
    if (!m_forecasts.isEmpty())
        menu->addSection(tr("Forecasts"));
    for (auto it = m_forecasts.cbegin(); it != m_forecasts.cend(); ++it) {
        auto* action = menu->addAction(it.key());
        action->setCheckable(true);
        action->setChecked(it->visible);
        const auto model = it.key();
        connect(action, &QAction::toggled, this, [this, model](bool on) { setForecastVisible(model, on); });
    }
}

void SeriesPlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SeriesPlot::retranslate()
{
    m_channelButton->setText(tr("Channels"));
    m_channelButton->setToolTip(tr("Choose the channels shown as lanes and the forecasts drawn over them"));
    m_plot->setToolTip(tr("Wheel: zoom · drag: pan · Ctrl+drag: zoom to a box · Shift+drag: select a span · "
                          "double-click: everything · click an alert to review it · right-click: mark the selection"));
    if (m_readout->text().isEmpty() || m_x.isEmpty())
        m_readout->setText(m_x.isEmpty() ? tr("No sensor series open") : QString());
    drawParts(); // its labels are words
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fathom
