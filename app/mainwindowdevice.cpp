// MainWindow's devices: the choice of device, bf16 inference on the CPU, the memory readings.
#include "mainwindow.h"

#include "analysiscontroller.h"
#include "device/devicemanager.h"
#include "device/devicereport.h"
#include "devicemonitor.h"
#include "devicepanel.h"
#include "ml/models.h"
#include "trainingpanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

namespace fathom {

namespace {

QString shortfallText(const DeviceManager::Selection& selection)
{
    using S = DeviceManager::Shortfall;
    const auto requested = QString::fromStdString(selection.requested);
    switch (selection.shortfall) {
    case S::None: return {};
    case S::Unknown:
        return MainWindow::tr("Unknown device “%1”: expected auto, cpu, cuda, cuda:N or mps. Using the CPU.")
            .arg(requested);
    case S::CudaNotBuilt:
        return MainWindow::tr("%1 was requested, but this build of LibTorch has no CUDA. Using the CPU.")
            .arg(requested);
    case S::NoCuda:
        return MainWindow::tr("%1 was requested, but no CUDA GPU is available. Using the CPU.").arg(requested);
    case S::CudaAbsent: return MainWindow::tr("%1 is not present on this machine. Using the CPU.").arg(requested);
    case S::MpsAbsent: return MainWindow::tr("MPS (Apple Metal) is not available on this machine. Using the CPU.");
    }
    return {};
}

} // namespace

void MainWindow::showSelection()
{
    const auto& selection = m_devices.selection();
    m_devicePanel->setSelection(QString::fromStdString(selection.requested), QString::fromStdString(selection.id),
                                shortfallText(selection));
    const auto& active = m_devices.active();
    const auto requested = QString::fromStdString(selection.requested);
    const auto actions = m_deviceGroup->actions();
    const bool requestIsAChoice =
        std::any_of(actions.begin(), actions.end(), [&](QAction* a) { return a->data().toString() == requested; });
    for (auto* action : actions)
        action->setChecked(action->data().toString() ==
                           (requestIsAChoice ? requested : QString::fromStdString(active.id)));
    m_deviceLabel->setText(tr("Device: %1").arg(QString::fromStdString(active.id)));
    m_trainingPanel->setProfileBatch(active.profile.batchSize, QString::fromStdString(active.id));
    if (m_analysis) // training here runs on the active device, in its profile's precision and workers
        m_analysis->setTrainingDevice(QString::fromStdString(active.id),
                                      active.profile.mixedPrecision == MixedPrecision::Bf16   ? QStringLiteral("bf16")
                                      : active.profile.mixedPrecision == MixedPrecision::Fp16 ? QStringLiteral("fp16")
                                                                                              : QStringLiteral("fp32"),
                                      active.profile.workers);
    m_deviceLabel->setToolTip(QString::fromStdString(active.name));
}

void MainWindow::requestDevice(const QString& request)
{
    const auto selection = m_devices.select(request.toStdString());
    QSettings().setValue(QStringLiteral("device"), request);
    const auto problem = shortfallText(selection);
    showSelection();
    statusBar()->showMessage(
        problem.isEmpty() ? tr("Active device: %1").arg(QString::fromStdString(selection.id)) : problem, 10000);
}

void MainWindow::setCpuBf16Inference(bool on)
{
    ml::setCpuInferencePrecision(on ? "bf16" : "fp32");
    m_bf16Action->setChecked(on);
    m_devicePanel->setCpuInferencePrecision(QString::fromStdString(ml::cpuInferencePrecision()));
    QSettings().setValue(QStringLiteral("compute/bf16Inference"), on);
}

void MainWindow::onSample(const DeviceSample& sample)
{
    m_devicePanel->addSample(sample);
    auto bytes = [](std::uint64_t b) { return QString::fromStdString(formatBytes(b)); };
    QString text = tr("Host %1 of %2 · Fathom %3")
                       .arg(bytes(sample.hostUsed), bytes(sample.hostTotal), bytes(sample.processResident));
    for (const auto& gpu : sample.gpus) {
        if (gpu.id != m_devices.selection().id)
            continue;
        text += QStringLiteral(" · ");
        text +=
            gpu.available
                ? tr("%1 %2 of %3").arg(QString::fromStdString(gpu.id), bytes(gpu.memoryUsed), bytes(gpu.memoryTotal))
                : tr("%1 not answering").arg(QString::fromStdString(gpu.id));
        if (gpu.available && gpu.utilisationPercent >= 0)
            text += tr(", %1 % busy").arg(gpu.utilisationPercent);
    }
    m_memoryLabel->setText(text);
    if (!m_analysis || !m_analysis->isTrainingRemotely()) // a remote run shows its host's memory
        m_trainingPanel->setDeviceMemory(text);
}

void MainWindow::copyDeviceReport()
{
    QApplication::clipboard()->setText(QString::fromStdString(devicesText(m_devices)));
    statusBar()->showMessage(tr("Device report copied to the clipboard"), 5000);
}

} // namespace fathom
