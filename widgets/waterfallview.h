#pragma once

#include <QImage>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QScrollBar;
class QSlider;

namespace fathom {

// Shows a sidescan waterfall: port on the left, starboard on the right, pings running down.
// It asks for pictures of the pings in view (viewRequested) and draws what it is given; the
// rendering itself runs elsewhere, off the GUI thread. Wheel or keys scroll, Ctrl+wheel or +/-
// zoom, the mouse reads out ping, side and range; Shift+drag measures, Ctrl+drag draws a contact's box.
class WaterfallView : public QWidget
{
    Q_OBJECT

public:
    struct Request
    {
        qint64 firstPing = 0;
        qint64 lastPing = 0; // exclusive
        int columnsPerSide = 0;
        int pingStep = 1;
        bool groundRange = false;
        bool gain = true;
        QString palette;
        bool overview = false; // the strip of the whole file beside the view
        double contrast = 0.5;
    };

    // A box drawn over the pings: a contact with its highlight and shadow.
    struct Mark
    {
        qint64 firstPing = 0, lastPing = 0; // inclusive
        int side = 0;                       // 0 port, 1 starboard
        double nearSlant = 0, farSlant = 0; // metres, as drawn in slant range
        double nearGround = 0, farGround = 0;
        QColor color;
        QString label;
        bool current = false;
        bool dashed = false; // the analyst's own, not a detector's
    };

    explicit WaterfallView(QWidget* parent = nullptr);
    void setMarks(const QVector<Mark>& marks);
    const QVector<Mark>& marks() const { return m_marks; }
    // Where a mark is drawn on the canvas (empty when it is out of view).
    QRectF markRect(int index) const;

    // A new file: its ping count and range; the view goes back to the start.
    void setSurvey(qint64 pings, double rangeMetres);
    void clear();
    // More pings became known (a large file indexing in the background); the view stays put.
    void setPingCount(qint64 pings);
    // Asks for a new picture of the whole file for the overview strip.
    void refreshOverview();
    void setImage(const QImage& image, const Request& request);
    void goToPing(qint64 ping);

    qint64 firstPing() const { return m_first; }
    qint64 visiblePings() const { return m_visible; }
    Request currentRequest() const;
    const QImage& image() const { return m_image; }
    const QImage& overviewImage() const { return m_overviewImage; }
    // The view as shown, boxes and measurement included (its context menu copies or saves it).
    QImage viewImage() const;

signals:
    void viewRequested(const fathom::WaterfallView::Request& request);
    // Under the mouse: a ping, a side (0 port, 1 starboard) and a range in metres (ground or
    // slant, as the view shows it).
    void hovered(qint64 ping, int side, double rangeMetres);
    // Shift+drag measured from one point to another (ping, side, range as in hovered()).
    void measured(double pingA, int sideA, double rangeA, double pingB, int sideB, double rangeB);
    void markClicked(int index);
    // Ctrl+drag drew a box on one side (the side it started on): pings first..last, range near..far
    // metres (ground or slant, as the view shows it).
    void boxDrawn(double firstPing, double lastPing, int side, double nearRange, double farRange);
    // The context menu is about to show at a point (ping, side, range as in hovered()), over mark
    // `markIndex` (-1: none): connect directly and add actions to `menu`; the image's follow.
    void contextMenuAbout(QMenu* menu, int markIndex, double ping, int side, double range);
    // A letter, a digit, Delete or Enter pressed over the view, which has no use for them: the
    // contacts' review keys work from here too.
    void keyUnused(int key);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void requestView();
    void zoom(double factor);
    void paintCanvas(QWidget* canvas);
    void paintOverview(QWidget* overview);
    void jumpFromOverview(double y);
    struct ViewPoint
    {
        double ping;
        int side;
        double range;
    };
    ViewPoint toView(QPointF pos) const;

    QWidget* m_canvas = nullptr;
    QWidget* m_overview = nullptr;
    QImage m_overviewImage;
    qint64 m_shownOverviewPings = 0;
    QScrollBar* m_scroll = nullptr;
    QLabel* m_paletteLabel = nullptr;
    QComboBox* m_palette = nullptr;
    QCheckBox* m_groundRange = nullptr;
    QCheckBox* m_gain = nullptr;
    QLabel* m_contrastLabel = nullptr;
    QSlider* m_contrast = nullptr;
    QLabel* m_placeholder = nullptr;
    QImage m_image;
    Request m_shown;
    qint64 m_pings = 0;
    qint64 m_first = 0;
    qint64 m_visible = 600;
    double m_range = 0;
    bool m_measuring = false;
    bool m_boxing = false; // Ctrl+drag: m_measureFrom and m_measureTo are the box's corners
    QPointF m_measureFrom, m_measureTo;
    QRectF boxOnSide() const; // the box being drawn, kept to the side it started on
    QPointF m_pressedAt;
    QVector<Mark> m_marks;
};

} // namespace fathom

Q_DECLARE_METATYPE(fathom::WaterfallView::Request)
