#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPAbstractItem;
class QCPAxisRect;
class QCPItemRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPMarginGroup;
class QCustomPlot;
class QLabel;
class QMenu;
class QPushButton;

namespace fathom {

// Sensor channels stacked in lanes on one shared time axis (seconds since 1970 UTC, or row
// numbers when the data have no time): wheel to zoom, drag to pan, Ctrl+drag to zoom to a box,
// double-click to see everything; a readout of every lane at the cursor. Overlays: each model's
// forecast on its target's lane, and alerts as shaded intervals with a marker at the peak.
class SeriesPlot : public QWidget
{
    Q_OBJECT

public:
    struct Alert
    {
        double start = 0, end = 0, peak = 0; // on the x axis
        double score = 0;
        QString status; // "new", "confirmed", "rejected"
    };

    explicit SeriesPlot(QWidget* parent = nullptr);

    // One column per channel, each as long as `x`; `isTime`: x holds UTC seconds.
    void setSeries(const QVector<double>& x, bool isTime, const QStringList& channels,
                   const QVector<QVector<double>>& columns);
    void clear();
    QStringList channels() const { return m_channels; }
    void setVisibleChannels(const QStringList& channels);
    QStringList visibleChannels() const;

    // A model's forecast drawn over `channel`'s lane; replaces that model's earlier one.
    // Without `redraw` the line waits for the next call that redraws (to set several at once).
    void setForecast(const QString& model, const QString& channel, const QVector<double>& x,
                     const QVector<double>& values, bool visible = true, bool redraw = true);
    // A shaded band over `channel`'s lane (an ensemble's spread between its members).
    void setBand(const QString& model, const QString& channel, const QVector<double>& x, const QVector<double>& lower,
                 const QVector<double>& upper, bool redraw = true);
    bool hasBand(const QString& model) const { return m_bands.contains(model); }
    void setForecastVisible(const QString& model, bool visible);
    QStringList forecasts() const { return m_forecasts.keys(); }

    void setAlerts(const QVector<Alert>& alerts);
    // Where the active model's validation and test parts begin (x units; NaN: none): a dashed
    // line down every lane, so what the model learned from is told from what it never saw.
    void setParts(double validationFrom, double testFrom);
    QPair<double, double> parts() const { return m_parts; }
    int alertCount() const { return int(m_alerts.size()); }
    // Where alert `index` is drawn on the first lane: its shaded span's ends on the x axis.
    QPair<double, double> drawnSpan(int index) const;
    void setCurrentAlert(int index); // highlighted and brought into view
    // A marker at one moment (the ping shown in the waterfall), brought into view.
    void showMoment(double x);
    void showAll();
    // The lanes as shown, at twice the screen's pixels (its context menu copies or saves them).
    QImage viewImage() const;
    QPair<double, double> xRange() const;
    void setXRange(double lower, double upper);
    // Every visible lane's value at x, as the cursor readout shows it.
    QString readoutAt(double x) const;
    // A channel's value at x (the sample at or before it); NaN for an unknown channel.
    double valueAt(const QString& channel, double x) const;

    QCustomPlot* plot() const { return m_plot; }

    // The first row at or after x (rows index the series given to setSeries).
    qint64 rowAt(double x) const;
    QPair<double, double> selection() const { return m_selection; } // equal ends: none
    void setSelection(double start, double end);

signals:
    void alertClicked(int index);
    // Shift+drag selected a span; the context menu asks to mark it as an anomaly.
    void rangeSelected(double start, double end);
    void markRequested(double start, double end);
    // The context menu is about to show over alert `alertIndex` (-1: none): connect directly and
    // add actions to `menu`; the plot's own follow.
    void contextMenuAbout(QMenu* menu, int alertIndex);
    void momentClicked(double x);
    void visibleChannelsChanged(const QStringList& channels);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void rebuildKeepingRange();
    void drawAlerts();
    QCPItemRect* spanItem(QCPAxisRect* rect, double start, double end);
    void retranslate();
    void syncRanges(double lower, double upper);
    void fitLane(QCPAxisRect* rect, double lower, double upper);
    int laneOf(const QString& channel) const;
    void onMouseMove(double x);
    void onClick(double x);
    int alertAt(double x) const; // the alert nearest x within 4 pixels; -1: none
    void fillChannelMenu();

    QCustomPlot* m_plot = nullptr;
    QPushButton* m_channelButton = nullptr;
    QLabel* m_readout = nullptr;
    QCPMarginGroup* m_margins = nullptr;
    QVector<double> m_x;
    bool m_isTime = false;
    QStringList m_channels;
    QVector<QVector<double>> m_columns;
    static constexpr int kBlock = 1024;
    QVector<QVector<QPair<double, double>>> m_blocks; // per channel: each block's min and max
    QStringList m_visible;
    QVector<QCPAxisRect*> m_lanes;
    QVector<QCPItemStraightLine*> m_cursors, m_moments;
    struct ForecastLine
    {
        QString channel;
        QVector<double> x, values;
        bool visible = true;
        QColor color;
    };
    QHash<QString, ForecastLine> m_forecasts;
    struct Band
    {
        QString channel;
        QVector<double> x, lower, upper;
    };
    QHash<QString, Band> m_bands;
    QVector<Alert> m_alerts;
    QVector<QCPAbstractItem*> m_alertItems;
    QVector<QCPItemText*> m_alertScores; // one per alert, in m_alerts' order
    void thinAlertScores();              // hides a score that would run into the next alert's marker
    int m_currentAlert = -1;
    double m_moment = qQNaN();
    QPair<double, double> m_selection{0, 0};
    double m_selectFrom = qQNaN(); // while Shift+dragging
    QVector<QCPAbstractItem*> m_selectionItems;
    void drawParts();
    QPair<double, double> m_parts{qQNaN(), qQNaN()};
    QVector<QCPAbstractItem*> m_partItems;
    void drawSelection();
    void showContextMenu(const QPoint& at);
    bool m_syncing = false;
};

} // namespace fathom
