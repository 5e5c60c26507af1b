#pragma once

#include "device/deviceinfo.h"

#include <QObject>
#include <QThread>

namespace fathom {

class DeviceManager;

// Samples device memory on a worker thread (a GPU that stops answering must not freeze the
// window) and hands each reading to the GUI thread as a queued signal.
class DeviceMonitor : public QObject
{
    Q_OBJECT

public:
    DeviceMonitor(DeviceManager& manager, int intervalMs, QObject* parent = nullptr);
    ~DeviceMonitor() override;

    void start();
    void stop();
    int intervalMs() const { return m_intervalMs; }

signals:
    void sampled(const fathom::DeviceSample& sample);

private:
    DeviceManager& m_manager;
    int m_intervalMs;
    QThread m_thread;
};

} // namespace fathom

Q_DECLARE_METATYPE(fathom::DeviceSample)
