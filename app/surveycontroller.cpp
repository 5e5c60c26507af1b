#include "surveycontroller.h"

#include "common/error.h"
#include "common/logging.h"
#include "common/timeformat.h"
#include "logtext.h"
#include "sonar/georeference.h"
#include "sonar/sonarfile.h"
#include "sonar/waterfall.h"

#include <QFileInfo>
#include <QLocale>

namespace fathom {

namespace {

QImage toQImage(const sonar::Image& image)
{
    return QImage(image.rgb.data(), image.width, image.height, image.width * 3, QImage::Format_RGB888).copy();
}

sonar::RenderOptions optionsFor(const WaterfallView::Request& request)
{
    sonar::RenderOptions options;
    options.firstPing = std::size_t(request.firstPing);
    options.lastPing = std::size_t(request.lastPing);
    options.columnsPerSide = request.columnsPerSide;
    options.pingStep = std::size_t(std::max(1, request.pingStep));
    options.groundRange = request.groundRange;
    options.gain = request.gain ? sonar::Gain::Empirical : sonar::Gain::None;
    options.contrast = request.contrast;
    options.palette = sonar::parsePalette(request.palette.isEmpty() ? QStringLiteral("copper").toStdString()
                                                                    : request.palette.toStdString());
    return options;
}

} // namespace

SurveyController::SurveyController(QObject* parent)
    : QObject(parent)
    , m_worker(new QObject)
{
    qRegisterMetaType<fathom::WaterfallView::Request>();
    m_thread.setObjectName(QStringLiteral("survey-worker"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_progress = new QTimer(this);
    m_progress->setInterval(300);
    connect(m_progress, &QTimer::timeout, this, [this] {
        if (m_file)
            emit pingCountChanged(qint64(m_file->pingCount()));
    });
}

void SurveyController::setLayback(const QString& setting)
{
    bool number = false;
    const double metres = setting.toDouble(&number);
    if (number) {
        m_laybackMode = int(sonar::Georeferencer::Layback::Fixed);
        m_laybackMetres = metres;
    } else if (setting == QLatin1String("cable")) {
        m_laybackMode = int(sonar::Georeferencer::Layback::FromCable);
    } else {
        if (setting != QLatin1String("recorded"))
            logging::warn("sonar.layback '" + setting.toStdString() +
                          "': expected recorded, cable or a distance in metres; the recorded positions are used");
        m_laybackMode = int(sonar::Georeferencer::Layback::Recorded);
    }
}

void SurveyController::finishInBackground(std::shared_ptr<const sonar::SonarFile> file, QString path)
{
    m_stop->store(true); // a file opened before this one need not finish
    if (m_completion.joinable())
        m_completion.join();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_progress->start();
    const sonar::Georeferencer::Options geoOptions{sonar::Georeferencer::Layback(m_laybackMode), m_laybackMetres};
    m_completion = std::thread([this, file, path, geoOptions, stop = m_stop] {
        while (!file->complete())
            if (stop->load())
                return;
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        try {
            std::shared_ptr<const sonar::Georeferencer> geo = std::make_shared<sonar::Georeferencer>(*file, geoOptions);
            const auto pyramid = sonar::WaterfallPyramid::build(*file, 512, stop.get());
            if (!pyramid)
                return;
            auto summary = std::make_shared<const sonar::FileSummary>(file->summary());
            const auto pings = qint64(file->pingCount());
            if (!file->problem().empty())
                logging::warn(file->problem());
            logtext::info(QT_TRANSLATE_NOOP("Log", "Indexed %1: %2 pings"), {path, QString::number(pings)});
            if (stop->load())
                return;
            QMetaObject::invokeMethod(this, [this, file, geo, pyramid, summary, pings] {
                if (file != m_file)
                    return;
                m_geo = geo;
                m_pyramid = pyramid;
                m_progress->stop();
                m_summary = summary;
                emit completed(facts(), pings);
            });
        } catch (const Error& e) {
            logging::error(e.what());
        }
    });
}

SurveyController::~SurveyController()
{
    m_stop->store(true);
    if (m_completion.joinable())
        m_completion.join();
    m_latest->store(~quint64(0)); // queued renders see they are stale and return at once
    m_latestOverview->store(~quint64(0));
    m_thread.quit();
    m_thread.wait();
}

void SurveyController::open(const QString& path)
{
    QMetaObject::invokeMethod(m_worker, [this, path] {
        try {
            std::shared_ptr<const sonar::SonarFile> file = sonar::open(path.toStdString());
            const auto pings = qint64(file->pingCount());
            const double range = file->pingInfo(0).slantRange;
            if (file->complete())
                logtext::info(QT_TRANSLATE_NOOP("Log", "Opened %1"), {path});
            else
                logtext::info(QT_TRANSLATE_NOOP("Log", "Opened %1 (indexing the rest)"), {path});
            QMetaObject::invokeMethod(this, [this, file, path, pings, range] {
                m_file = file;
                m_path = path;
                m_indexedPings = pings;
                m_summary.reset();
                m_geo.reset();
                m_pyramid.reset();
                emit opened(path, facts(), pings, range);
                finishInBackground(file, path);
            });
        } catch (const Error& e) {
            logging::error(e.what());
            const auto message = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, path, message] { emit failed(path, message); });
        }
    });
}

void SurveyController::render(const WaterfallView::Request& request)
{
    if (!m_file)
        return;
    // Views and the overview strip each keep only their newest request.
    const auto latest = request.overview ? m_latestOverview : m_latest;
    const quint64 generation = ++*latest;
    QMetaObject::invokeMethod(m_worker, [this, request, generation, file = m_file, pyramid = m_pyramid, latest] {
        if (latest->load() != generation)
            return; // a newer view was asked for meanwhile
        try {
            auto options = optionsFor(request);
            options.pyramid = pyramid.get();
            const QImage image = toQImage(sonar::renderWaterfall(*file, options));
            if (latest->load() == generation)
                QMetaObject::invokeMethod(this, [this, image, request] { emit rendered(image, request); });
        } catch (const Error& e) {
            logging::error(e.what());
        }
    });
}

QString SurveyController::facts() const
{
    if (!m_file)
        return {};
    const auto name = QFileInfo(m_path).fileName();
    QString html = QStringLiteral("<p><b>%1</b><br><small>%2</small></p>")
                       .arg(name.toHtmlEscaped(), QFileInfo(m_path).absolutePath().toHtmlEscaped());
    if (!m_summary)
        return html + QStringLiteral("<p>") +
               tr("Indexing… %1 pings so far").arg(QLocale().toString(m_indexedPings)).toHtmlEscaped() +
               QStringLiteral("</p>");
    const auto& s = *m_summary;
    QStringList rows;
    const auto row = [&rows](const QString& field, const QString& value) {
        rows << QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(field.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QLocale locale;
    auto made = QString::fromStdString(s.recorder);
    if (!s.sonar.empty())
        made += QStringLiteral(", ") + QString::fromStdString(s.sonar);
    row(tr("Format"),
        QString::fromStdString(s.format) + (made.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(made)));
    row(tr("Pings"),
        tr("%1, %2 samples a channel").arg(locale.toString(qint64(s.pings)), locale.toString(s.samplesPerChannel)));
    const auto when = [](double t) { return QString::fromStdString(formatUtc(t, TimeStyle::Readable)); };
    row(tr("Time (UTC)"), tr("%1 to %2 (%3 s)")
                              .arg(when(s.firstTime), when(s.lastTime))
                              .arg(locale.toString(s.lastTime - s.firstTime, 'f', 1)));
    if (s.geographic)
        row(tr("Area"), tr("longitude %1 to %2, latitude %3 to %4")
                            .arg(locale.toString(s.minX, 'f', 6), locale.toString(s.maxX, 'f', 6),
                                 locale.toString(s.minY, 'f', 6), locale.toString(s.maxY, 'f', 6)));
    else
        row(tr("Area"), tr("x %1 to %2 m, y %3 to %4 m")
                            .arg(locale.toString(s.minX, 'f', 1), locale.toString(s.maxX, 'f', 1),
                                 locale.toString(s.minY, 'f', 1), locale.toString(s.maxY, 'f', 1)));
    for (const auto& c : s.channels) {
        const auto side = c.side == sonar::Side::Port        ? tr("port")
                          : c.side == sonar::Side::Starboard ? tr("starboard")
                                                             : tr("other");
        row(tr("Channel %1").arg(c.index),
            tr("%1, “%2”, %3, %4 kHz")
                .arg(side, QString::fromStdString(c.name), QString::fromStdString(sonar::sampleFormatName(c.format)),
                     locale.toString(c.frequencyHz / 1000.0, 'g', 6)));
    }
    QStringList packets;
    for (const auto& [type, count] : s.packets)
        packets << QStringLiteral("%1 %2").arg(QString::fromStdString(type), locale.toString(qint64(count)));
    row(tr("Packets"), packets.join(QStringLiteral(", ")));
    html += QStringLiteral("<table cellspacing='0'>") + rows.join(QString()) + QStringLiteral("</table>");
    if (!s.problem.empty())
        html += QStringLiteral("<p style='color:#b00020'>") +
                tr("Reading stopped early: %1").arg(QString::fromStdString(s.problem)).toHtmlEscaped() +
                QStringLiteral("</p>");
    return html;
}

} // namespace fathom
