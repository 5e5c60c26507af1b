#pragma once

#include "waterfallview.h"

#include <QImage>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <thread>

namespace fathom {

namespace sonar {
class Georeferencer;
class SonarFile;
class WaterfallPyramid;
struct FileSummary;
} // namespace sonar

// Owns the open sidescan file and renders waterfall pictures on a worker thread. The newest
// render request wins: requests overtaken while queued are dropped unseen.
class SurveyController : public QObject
{
    Q_OBJECT

public:
    explicit SurveyController(QObject* parent = nullptr);
    ~SurveyController() override;

    void open(const QString& path); // in the background: opened() or failed()
    // How the towfish is placed behind the recorded positions, for files opened from now on.
    void setLayback(const QString& setting);
    void render(const fathom::WaterfallView::Request& request);
    std::shared_ptr<const sonar::SonarFile> file() const { return m_file; }
    // The open file's facts as a small HTML table in the UI's language: while it indexes, how far
    // it has got; then format, pings, time span, area, channels, packets and any problem.
    QString facts() const;
    std::shared_ptr<const sonar::Georeferencer> geo() const { return m_geo; }

signals:
    // The first pings are ready to show; a large file goes on indexing in the background.
    void opened(const QString& path, const QString& summary, qint64 pings, double rangeMetres);
    void pingCountChanged(qint64 pings);
    // Every ping is indexed: the whole-file summary, and positions for the readout.
    void completed(const QString& summary, qint64 pings);
    void failed(const QString& path, const QString& message);
    void rendered(const QImage& image, const fathom::WaterfallView::Request& request);

private:
    void finishInBackground(std::shared_ptr<const sonar::SonarFile> file, QString path);

    QThread m_thread;
    QTimer* m_progress = nullptr;
    std::thread m_completion;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
    QObject* m_worker = nullptr; // lives on m_thread
    std::shared_ptr<const sonar::SonarFile> m_file;
    QString m_path;
    qint64 m_indexedPings = 0;
    std::shared_ptr<const sonar::FileSummary> m_summary; // once every ping is indexed
    std::shared_ptr<const sonar::Georeferencer> m_geo;
    std::shared_ptr<const sonar::WaterfallPyramid> m_pyramid;
    int m_laybackMode = 0; // sonar::Georeferencer::Layback
    double m_laybackMetres = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<std::atomic<quint64>> m_latestOverview = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace fathom
