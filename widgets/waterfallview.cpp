#include "waterfallview.h"

#include "imageexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace fathom {

WaterfallView::WaterfallView(QWidget* parent)
    : QWidget(parent)
{
    qRegisterMetaType<fathom::WaterfallView::Request>();
    setObjectName(QStringLiteral("waterfallView"));
    m_paletteLabel = new QLabel(this);
    m_palette = new QComboBox(this);
    m_palette->setObjectName(QStringLiteral("paletteChooser"));
    for (const char* name : {"copper", "grey", "amber", "inverted"})
        m_palette->addItem(QString(), QLatin1String(name));
    m_paletteLabel->setBuddy(m_palette);
    m_groundRange = new QCheckBox(this);
    m_groundRange->setObjectName(QStringLiteral("groundRange"));
    m_gain = new QCheckBox(this);
    m_gain->setObjectName(QStringLiteral("gainNormalisation"));
    m_gain->setChecked(true);
    m_contrastLabel = new QLabel(this);
    m_contrast = new QSlider(Qt::Horizontal, this);
    m_contrast->setObjectName(QStringLiteral("contrast"));
    m_contrast->setRange(0, 100);
    m_contrast->setValue(50);
    m_contrast->setMaximumWidth(140);
    m_contrastLabel->setBuddy(m_contrast);

    m_canvas = new QWidget(this);
    m_canvas->setObjectName(QStringLiteral("waterfallCanvas"));
    m_canvas->setMouseTracking(true);
    m_canvas->setFocusPolicy(Qt::StrongFocus);
    m_canvas->setMinimumSize(200, 200);
    m_canvas->installEventFilter(this);
    m_scroll = new QScrollBar(Qt::Vertical, this);
    m_overview = new QWidget(this);
    m_overview->setObjectName(QStringLiteral("waterfallOverview"));
    m_overview->setFixedWidth(72);
    m_overview->installEventFilter(this);
    m_placeholder = new QLabel(m_canvas);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_paletteLabel);
    controls->addWidget(m_palette);
    controls->addSpacing(12);
    controls->addWidget(m_groundRange);
    controls->addWidget(m_gain);
    controls->addSpacing(12);
    controls->addWidget(m_contrastLabel);
    controls->addWidget(m_contrast);
    controls->addStretch(1);
    auto* body = new QHBoxLayout;
    body->setSpacing(0);
    body->addWidget(m_canvas, 1);
    body->addWidget(m_scroll);
    body->addWidget(m_overview);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(body, 1);

    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        m_first = value;
        requestView();
    });
    connect(m_palette, &QComboBox::currentIndexChanged, this, [this] {
        requestView();
        refreshOverview();
    });
    connect(m_groundRange, &QCheckBox::toggled, this, &WaterfallView::requestView);
    connect(m_contrast, &QSlider::valueChanged, this, [this] {
        requestView();
        refreshOverview();
    });
    connect(m_gain, &QCheckBox::toggled, this, [this] {
        requestView();
        refreshOverview();
    });
    retranslate();
    clear();
}

void WaterfallView::setSurvey(qint64 pings, double rangeMetres)
{
    m_pings = pings;
    m_range = rangeMetres;
    m_first = 0;
    m_visible = std::clamp<qint64>(m_canvas->height() > 0 ? m_canvas->height() : 600, 50, std::max<qint64>(50, pings));
    m_image = QImage();
    m_placeholder->hide();
    const QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, int(std::max<qint64>(0, m_pings - m_visible)));
    m_scroll->setPageStep(int(m_visible));
    m_scroll->setSingleStep(int(std::max<qint64>(1, m_visible / 10)));
    m_scroll->setValue(0);
    m_overviewImage = QImage();
    requestView();
    refreshOverview();
}

void WaterfallView::refreshOverview()
{
    if (m_pings <= 0)
        return;
    Request r;
    r.firstPing = 0;
    r.lastPing = m_pings;
    r.columnsPerSide = m_overview->width() / 2;
    r.pingStep = int(std::max<qint64>(1, m_pings / std::max(64, m_overview->height())));
    r.gain = m_gain->isChecked();
    r.palette = m_palette->currentData().toString();
    r.contrast = m_contrast->value() / 100.0;
    r.overview = true;
    emit viewRequested(r);
}

void WaterfallView::paintOverview(QWidget* overview)
{
    QPainter painter(overview);
    painter.fillRect(overview->rect(), Qt::black);
    if (m_pings <= 0)
        return;
    if (!m_overviewImage.isNull()) {
        const double height = double(overview->height()) * double(m_shownOverviewPings) / double(m_pings);
        painter.drawImage(QRectF(0, 0, overview->width(), height), m_overviewImage);
    }
    // Where the main view is.
    const double top = double(m_first) / double(m_pings) * overview->height();
    const double span = std::max(3.0, double(m_visible) / double(m_pings) * overview->height());
    painter.setPen(QPen(QColor(80, 220, 255), 1.5));
    painter.setBrush(QColor(80, 220, 255, 40));
    painter.drawRect(QRectF(1, top, overview->width() - 2, span));
}

void WaterfallView::jumpFromOverview(double y)
{
    if (m_pings > 0)
        goToPing(qint64(std::clamp(y / std::max(1, m_overview->height()), 0.0, 1.0) * double(m_pings)));
}

void WaterfallView::setPingCount(qint64 pings)
{
    if (pings == m_pings || m_pings <= 0)
        return;
    const bool wasShort = m_first + m_visible > m_pings;
    m_pings = pings;
    const QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, int(std::max<qint64>(0, m_pings - m_visible)));
    if (wasShort)
        requestView(); // the view had room for pings that now exist
}

void WaterfallView::clear()
{
    m_pings = 0;
    m_image = QImage();
    m_placeholder->show();
    m_scroll->setRange(0, 0);
    m_canvas->update();
}

WaterfallView::Request WaterfallView::currentRequest() const
{
    Request r;
    r.firstPing = m_first;
    r.lastPing = std::min(m_pings, m_first + m_visible);
    r.columnsPerSide = std::max(16, m_canvas->width() / 2);
    r.pingStep = int(std::max<qint64>(1, m_visible / std::max(1, m_canvas->height())));
    r.groundRange = m_groundRange->isChecked();
    r.gain = m_gain->isChecked();
    r.palette = m_palette->currentData().toString();
    r.contrast = m_contrast->value() / 100.0;
    return r;
}

void WaterfallView::requestView()
{
    if (m_pings <= 0)
        return;
    m_canvas->update();
    m_overview->update();
    emit viewRequested(currentRequest());
}

void WaterfallView::setImage(const QImage& image, const Request& request)
{
    if (request.overview) {
        m_overviewImage = image;
        m_shownOverviewPings = request.lastPing - request.firstPing;
        m_overview->update();
        return;
    }
    m_image = image;
    m_shown = request;
    m_canvas->update();
}

void WaterfallView::goToPing(qint64 ping)
{
    m_scroll->setValue(int(std::clamp<qint64>(ping - m_visible / 2, 0, m_scroll->maximum())));
}

void WaterfallView::zoom(double factor)
{
    if (m_pings <= 0)
        return;
    const qint64 centre = m_first + m_visible / 2;
    m_visible = std::clamp<qint64>(qint64(std::llround(double(m_visible) * factor)), 20, std::max<qint64>(20, m_pings));
    const QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, int(std::max<qint64>(0, m_pings - m_visible)));
    m_scroll->setPageStep(int(m_visible));
    m_scroll->setSingleStep(int(std::max<qint64>(1, m_visible / 10)));
    m_scroll->setValue(int(std::clamp<qint64>(centre - m_visible / 2, 0, m_scroll->maximum())));
    m_first = m_scroll->value();
    requestView();
}

void WaterfallView::paintCanvas(QWidget* canvas)
{
    QPainter painter(canvas);
    painter.fillRect(canvas->rect(), Qt::black);
    if (m_image.isNull() || m_pings <= 0)
        return;
    // The last picture stands in, moved to where its pings now are, until the new one arrives.
    const double rowsPerPing = double(canvas->height()) / double(std::max<qint64>(1, m_visible));
    const double top = double(m_shown.firstPing - m_first) * rowsPerPing;
    const double height = double(m_shown.lastPing - m_shown.firstPing) * rowsPerPing;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QRectF(0, top, canvas->width(), height), m_image);
    painter.setPen(QColor(255, 255, 255, 60));
    painter.drawLine(canvas->width() / 2, 0, canvas->width() / 2, canvas->height());
    for (int i = 0; i < m_marks.size(); ++i) {
        const auto box = markRect(i);
        if (box.isEmpty())
            continue;
        const auto& m = m_marks[i];
        painter.setPen(QPen(m.color, m.current ? 3 : 1.5, m.dashed ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box);
        painter.drawText(box.topLeft() + QPointF(0, -3), m.label);
    }
    if (m_measuring) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(80, 220, 255), 2));
        painter.drawLine(m_measureFrom, m_measureTo);
    }
    if (m_boxing) {
        painter.setPen(QPen(QColor(80, 220, 255), 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(boxOnSide());
    }
}

QRectF WaterfallView::boxOnSide() const
{
    const double half = m_canvas->width() / 2.0;
    const bool port = m_measureFrom.x() < half;
    const double x = port ? std::min(m_measureTo.x(), half) : std::max(m_measureTo.x(), half);
    return QRectF(m_measureFrom, QPointF(x, std::clamp(m_measureTo.y(), 0.0, double(m_canvas->height())))).normalized();
}

QImage WaterfallView::viewImage() const
{
    return m_canvas->grab().toImage();
}

void WaterfallView::setMarks(const QVector<Mark>& marks)
{
    m_marks = marks;
    m_canvas->update();
}

QRectF WaterfallView::markRect(int index) const
{
    if (index < 0 || index >= m_marks.size() || m_pings <= 0 || m_range <= 0)
        return {};
    const auto& m = m_marks[index];
    if (m.lastPing < m_first || m.firstPing >= m_first + m_visible)
        return {};
    const double rowsPerPing = double(m_canvas->height()) / double(std::max<qint64>(1, m_visible));
    const double half = m_canvas->width() / 2.0;
    const bool ground = m_shown.groundRange;
    const double nearX = half * (ground ? m.nearGround : m.nearSlant) / m_range;
    const double farX = half * (ground ? m.farGround : m.farSlant) / m_range;
    const double x0 = m.side == 0 ? half - farX : half + nearX, x1 = m.side == 0 ? half - nearX : half + farX;
    const double pad = 3; // a contact a pixel wide still gets a visible box
    return QRectF(QPointF(x0 - pad, double(m.firstPing - m_first) * rowsPerPing - pad),
                  QPointF(x1 + pad, double(m.lastPing + 1 - m_first) * rowsPerPing + pad));
}

WaterfallView::ViewPoint WaterfallView::toView(QPointF pos) const
{
    const double half = m_canvas->width() / 2.0;
    const double ping = double(m_first) + pos.y() / std::max(1, m_canvas->height()) * double(m_visible);
    return {std::clamp(ping, 0.0, double(std::max<qint64>(0, m_pings - 1))), pos.x() < half ? 0 : 1,
            std::min(1.0, std::abs(pos.x() - half) / half) * m_range};
}

bool WaterfallView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_overview) {
        switch (event->type()) {
        case QEvent::Paint: paintOverview(m_overview); return true;
        case QEvent::Resize: refreshOverview(); return false;
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
            if (static_cast<QMouseEvent*>(event)->buttons() & Qt::LeftButton) {
                jumpFromOverview(static_cast<QMouseEvent*>(event)->position().y());
                return true;
            }
            return false;
        default: return false;
        }
    }
    if (watched != m_canvas)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Paint: paintCanvas(m_canvas); return true;
    case QEvent::ContextMenu: {
        if (m_image.isNull())
            return false;
        QMenu menu(this);
        const QPointF pos = static_cast<QContextMenuEvent*>(event)->pos(); // on the canvas
        int mark = -1;
        for (int i = 0; i < m_marks.size() && mark < 0; ++i)
            mark = markRect(i).contains(pos) ? i : -1;
        const auto at = toView(pos);
        emit contextMenuAbout(&menu, mark, at.ping, at.side, at.range);
        if (!menu.isEmpty())
            menu.addSeparator();
        menu.addActions(imageActions(
            &menu, [this] { return viewImage(); }, QStringLiteral("waterfall-ping%1.png").arg(m_first)));
        menu.exec(static_cast<QContextMenuEvent*>(event)->globalPos());
        return true;
    }
    case QEvent::Resize:
        m_placeholder->setGeometry(m_canvas->rect());
        requestView();
        return false;
    case QEvent::Wheel: {
        auto* wheel = static_cast<QWheelEvent*>(event);
        const double notches = wheel->angleDelta().y() / 120.0;
        if (wheel->modifiers() & Qt::ControlModifier)
            zoom(std::pow(1.25, -notches));
        else
            m_scroll->setValue(m_scroll->value() - int(notches * double(std::max<qint64>(1, m_visible / 8))));
        return true;
    }
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down: m_scroll->triggerAction(QAbstractSlider::SliderSingleStepAdd); return true;
        case Qt::Key_Up: m_scroll->triggerAction(QAbstractSlider::SliderSingleStepSub); return true;
        case Qt::Key_PageDown: m_scroll->triggerAction(QAbstractSlider::SliderPageStepAdd); return true;
        case Qt::Key_PageUp: m_scroll->triggerAction(QAbstractSlider::SliderPageStepSub); return true;
        case Qt::Key_Home: m_scroll->setValue(0); return true;
        case Qt::Key_End: m_scroll->setValue(m_scroll->maximum()); return true;
        case Qt::Key_Plus:
        case Qt::Key_Equal: zoom(0.8); return true;
        case Qt::Key_Minus: zoom(1.25); return true;
        default: {
            const int k = key->key();
            const bool letterOrDigit = (k >= Qt::Key_A && k <= Qt::Key_Z) || (k >= Qt::Key_0 && k <= Qt::Key_9);
            const bool editing =
                k == Qt::Key_Delete || k == Qt::Key_Backspace || k == Qt::Key_Return || k == Qt::Key_Enter;
            if ((letterOrDigit || editing) &&
                !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
                emit keyUnused(k);
                return true;
            }
            return false;
        }
        }
    }
    case QEvent::MouseButtonPress: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        m_pressedAt = mouse->position();
        if (m_pings <= 0 || mouse->button() != Qt::LeftButton ||
            !(mouse->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)))
            return false;
        m_boxing = (mouse->modifiers() & Qt::ControlModifier) != 0;
        m_measuring = !m_boxing;
        m_measureFrom = m_measureTo = mouse->position();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (m_boxing) {
            m_boxing = false;
            m_canvas->update();
            m_measureTo = static_cast<QMouseEvent*>(event)->position();
            const auto box = boxOnSide();
            if (box.width() < 3 || box.height() < 2) // a click, not a box
                return true;
            const double half = m_canvas->width() / 2.0;
            const auto range = [&](double x) { return std::min(1.0, std::abs(x - half) / half) * m_range; };
            const double a = range(box.left()), b = range(box.right());
            emit boxDrawn(toView(box.topLeft()).ping, toView(box.bottomLeft()).ping, m_measureFrom.x() < half ? 0 : 1,
                          std::min(a, b), std::max(a, b));
            return true;
        }
        if (!m_measuring) {
            const auto pos = static_cast<QMouseEvent*>(event)->position();
            if ((pos - m_pressedAt).manhattanLength() < 4)
                for (int i = 0; i < m_marks.size(); ++i)
                    if (markRect(i).contains(pos)) {
                        emit markClicked(i);
                        return true;
                    }
            return false;
        }
        m_measuring = false;
        m_canvas->update();
        const auto a = toView(m_measureFrom), b = toView(static_cast<QMouseEvent*>(event)->position());
        emit measured(a.ping, a.side, a.range, b.ping, b.side, b.range);
        return true;
    }
    case QEvent::MouseMove: {
        if (m_pings <= 0)
            return false;
        const auto pos = static_cast<QMouseEvent*>(event)->position();
        if (m_measuring || m_boxing) {
            m_measureTo = pos;
            m_canvas->update();
        }
        const auto at = toView(pos);
        emit hovered(std::min(qint64(at.ping), m_pings - 1), at.side, at.range);
        return false;
    }
    default: return QWidget::eventFilter(watched, event);
    }
}

void WaterfallView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WaterfallView::retranslate()
{
    m_paletteLabel->setText(tr("&Palette:"));
    const QString names[] = {tr("Copper"), tr("Grey"), tr("Amber"), tr("Inverted grey")};
    for (int i = 0; i < m_palette->count(); ++i)
        m_palette->setItemText(i, names[i]);
    m_contrastLabel->setText(tr("&Contrast:"));
    m_contrast->setToolTip(tr("Left keeps the brightest echoes; right brings out faint seabed texture"));
    m_groundRange->setText(tr("&Ground range"));
    m_groundRange->setToolTip(tr("Remove the water column and place echoes at their distance across the seabed"));
    m_gain->setText(tr("Gain &normalisation"));
    m_gain->setToolTip(tr("Even out brightness across range (empirical gain over the pings in view)"));
    m_canvas->setToolTip(
        tr("Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure · Ctrl+drag: mark a contact"));
    m_placeholder->setText(
        tr("Open a sidescan file (File → Open Survey…) or start with the demo survey (Help → Open Demo Survey)."));
    m_placeholder->setStyleSheet(QStringLiteral("color: #bbbbbb;"));
}

} // namespace fathom
