#include "surveycontroller.h"

#include "common/error.h"
#include "common/logging.h"
#include "sonar/georeference.h"
#include "sonar/sonarfile.h"
#include "sonar/summaryreport.h"
#include "sonar/waterfall.h"

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
}

SurveyController::~SurveyController()
{
    m_latest->store(~quint64(0)); // queued renders see they are stale and return at once
    m_thread.quit();
    m_thread.wait();
}

void SurveyController::open(const QString& path)
{
    QMetaObject::invokeMethod(m_worker, [this, path] {
        try {
            std::shared_ptr<const sonar::SonarFile> file = sonar::open(path.toStdString());
            const auto summary = QString::fromStdString(sonar::summaryText(file->summary(), path.toStdString()));
            const auto pings = qint64(file->pingCount());
            const double range = file->pingInfo(0).slantRange;
            std::shared_ptr<const sonar::Georeferencer> geo = std::make_shared<sonar::Georeferencer>(*file);
            if (!file->problem().empty())
                logging::warn(file->problem());
            logging::info("Opened " + path.toStdString() + ": " + std::to_string(pings) + " pings");
            QMetaObject::invokeMethod(this, [this, file, geo, path, summary, pings, range] {
                m_file = file;
                m_geo = geo;
                emit opened(path, summary, pings, range);
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
    const quint64 generation = ++*m_latest;
    QMetaObject::invokeMethod(m_worker, [this, request, generation, file = m_file, latest = m_latest] {
        if (latest->load() != generation)
            return; // a newer view was asked for meanwhile
        try {
            const QImage image = toQImage(sonar::renderWaterfall(*file, optionsFor(request)));
            if (latest->load() == generation)
                QMetaObject::invokeMethod(this, [this, image, request] { emit rendered(image, request); });
        } catch (const Error& e) {
            logging::error(e.what());
        }
    });
}

} // namespace fathom
