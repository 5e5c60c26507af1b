#include "devicemonitor.h"

#include "device/devicemanager.h"

#include <QTimer>

namespace fathom {

namespace {

class SampleWorker : public QObject
{
    Q_OBJECT

public:
    SampleWorker(DeviceManager& manager, int intervalMs)
        : m_manager(manager)
    {
        m_timer.setInterval(intervalMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &SampleWorker::sampleNow);
    }

    void begin()
    {
        sampleNow();
        m_timer.start();
    }

signals:
    void sampled(const fathom::DeviceSample& sample);

private:
    void sampleNow() { emit sampled(m_manager.sample()); }

    DeviceManager& m_manager;
    QTimer m_timer{this};
};

} // namespace

DeviceMonitor::DeviceMonitor(DeviceManager& manager, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_intervalMs(std::max(50, intervalMs))
{
    qRegisterMetaType<fathom::DeviceSample>();
    m_thread.setObjectName(QStringLiteral("device-monitor"));
}

DeviceMonitor::~DeviceMonitor()
{
    stop();
}

void DeviceMonitor::start()
{
    if (m_thread.isRunning())
        return;
    auto* worker = new SampleWorker(m_manager, m_intervalMs);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, worker, &SampleWorker::begin);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &SampleWorker::sampled, this, &DeviceMonitor::sampled, Qt::QueuedConnection);
    m_thread.start();
}

void DeviceMonitor::stop()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace fathom

#include "devicemonitor.moc"
