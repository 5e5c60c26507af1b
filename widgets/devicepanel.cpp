#include "devicepanel.h"

#include "device/devicereport.h"
#include "plotlegend.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fathom {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QString bytes(std::uint64_t value)
{
    return QString::fromStdString(formatBytes(value));
}

QString orDash(const std::string& s)
{
    return s.empty() ? QStringLiteral("–") : QString::fromStdString(s);
}

} // namespace

DevicePanel::DevicePanel(QWidget* parent)
    : QWidget(parent)
{
    m_chooserLabel = new QLabel(this);
    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("deviceChooser"));
    m_chooserLabel->setBuddy(m_chooser);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b35900;"));
    m_message->hide();

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("deviceTree"));
    m_tree->setColumnCount(2);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("memoryPlot"));
    m_plot->setMinimumHeight(200);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(0, 100);
    m_plot->setFont(font());
    putLegendUnderAxes(m_plot, 2);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);

    auto* top = new QHBoxLayout;
    top->addWidget(m_chooserLabel);
    top->addWidget(m_chooser, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_plot);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_chooser, &QComboBox::activated, this,
            [this](int index) { emit deviceRequested(m_chooser->itemData(index).toString()); });
    retranslate();
}

void DevicePanel::setDevices(const std::vector<DeviceInfo>& devices, const BuildInfo& build,
                             const std::vector<std::string>& choices)
{
    m_devices = devices;
    m_build = build;
    m_choices = choices;
    fillChooser();
    fillTree();
}

void DevicePanel::setSelection(const QString& request, const QString& activeId, const QString& message)
{
    m_request = request;
    m_activeId = activeId;
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    fillChooser();
    fillTree();
}

void DevicePanel::fillChooser()
{
    const QSignalBlocker block(m_chooser);
    m_chooser->clear();
    for (const auto& choice : m_choices) {
        const auto id = QString::fromStdString(choice);
        if (choice == "auto") {
            m_chooser->addItem(tr("Automatic (CUDA, then MPS, then CPU) — now %1").arg(m_activeId), id);
            continue;
        }
        QString name;
        for (const auto& device : m_devices)
            if (device.id == choice)
                name = QString::fromStdString(device.name);
        m_chooser->addItem(QStringLiteral("%1 — %2").arg(id, name), id);
    }
    // A request that could not be met shows the device actually in use.
    int index = m_chooser->findData(m_request);
    if (index < 0)
        index = m_chooser->findData(m_activeId);
    m_chooser->setCurrentIndex(std::max(index, 0));
}

void DevicePanel::setCpuInferencePrecision(const QString& precision)
{
    if (precision == m_cpuInference)
        return;
    m_cpuInference = precision;
    fillTree();
}

void DevicePanel::fillTree()
{
    m_tree->clear();
    auto add = [](QTreeWidgetItem* parent, const QString& key, const QString& value) {
        auto* item = new QTreeWidgetItem(parent, {key, value});
        item->setToolTip(1, value);
    };
    for (const auto& device : m_devices) {
        const auto id = QString::fromStdString(device.id);
        const bool active = id == m_activeId;
        auto* item = new QTreeWidgetItem(
            m_tree, {id, QString::fromStdString(device.name) + (active ? tr("  (in use)") : QString())});
        item->setData(0, Qt::UserRole, id);
        QFont bold = item->font(0);
        bold.setBold(active);
        item->setFont(0, bold);
        item->setFont(1, bold);
        add(item, tr("Memory"), tr("%1 free of %2").arg(bytes(device.memoryFree), bytes(device.memoryTotal)));
        if (device.gpu) {
            add(item, tr("Compute capability"),
                QStringLiteral("%1.%2").arg(device.gpu->computeMajor).arg(device.gpu->computeMinor));
            add(item, tr("Multiprocessors"), QString::number(device.gpu->multiprocessors));
            add(item, tr("PCI bus"), orDash(device.gpu->pciBusId));
        }
        if (device.cpu) {
            add(item, tr("Cores"), QString::number(device.cpu->cores));
            add(item, tr("Threads"), QString::number(device.cpu->threads));
            QStringList flags;
            for (const auto& flag : device.cpu->simdFlags)
                flags << QString::fromStdString(flag);
            add(item, tr("SIMD"),
                QStringLiteral("%1 (%2)").arg(QString::fromStdString(device.cpu->simd), flags.join(QLatin1Char(' '))));
            add(item, tr("Inference"),
                m_cpuInference == QLatin1String("bf16") ? tr("bf16 (PatchTST and DLinear in fp32)") : m_cpuInference);
        }
        add(item, tr("Native bf16"), device.bf16 ? tr("yes") : tr("no"));
        const auto& p = device.profile;
        add(item, tr("Profile"),
            tr("batch %1, workers %2, memory limit %3, mixed precision %4")
                .arg(p.batchSize)
                .arg(p.workers)
                .arg(bytes(p.memoryLimitBytes))
                .arg(QString::fromStdString(precisionName(p.mixedPrecision))));
        item->setExpanded(true);
    }
    auto* build = new QTreeWidgetItem(m_tree, {tr("LibTorch"), orDash(m_build.torchVersion)});
    add(build, tr("CUDA"), m_build.cudaBuilt ? orDash(m_build.cudaVersion) : tr("not built in"));
    add(build, tr("cuDNN"), orDash(m_build.cudnnVersion));
    add(build, tr("MPS"), m_build.mpsBuilt ? tr("yes") : tr("no"));
    add(build, tr("BLAS"), orDash(m_build.blas));
    add(build, tr("OpenMP"), orDash(m_build.openmp));
    add(build, tr("oneDNN"), orDash(m_build.onednn));
    add(build, tr("Threads (intra-op / inter-op)"),
        QStringLiteral("%1 / %2").arg(m_build.intraOpThreads).arg(m_build.interOpThreads));
    build->setExpanded(true);
}

void DevicePanel::addGraph(const QString& key, const QColor& color, bool percentAxis, Qt::PenStyle style)
{
    auto* graph = m_plot->addGraph(m_plot->xAxis, percentAxis ? m_plot->yAxis2 : m_plot->yAxis);
    graph->setPen(QPen(color, 1.6, style));
    graph->setAdaptiveSampling(true);
    m_graphKeys << key;
    graph->setName(graphName(key));
}

QString DevicePanel::graphName(const QString& key) const
{
    const auto total = bytes(m_totals.value(key.section(QLatin1Char('/'), 0, 0)));
    if (key == QLatin1String("host"))
        return tr("Host memory used (of %1)").arg(total);
    if (key == QLatin1String("process"))
        return tr("Fathom process");
    const auto id = key.section(QLatin1Char('/'), 0, 0);
    if (key.endsWith(QLatin1String("/used")))
        return tr("%1 memory used (of %2)").arg(id, total);
    return tr("%1 utilisation (%)").arg(id);
}

void DevicePanel::ensureGraphs(const DeviceSample& sample)
{
    if (m_plot->graphCount() > 0)
        return;
    addGraph(QStringLiteral("host"), QColor(0x1f, 0x77, 0xb4), false);
    addGraph(QStringLiteral("process"), QColor(0x2c, 0xa0, 0x2c), false);
    static const QColor gpuColors[] = {QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e)};
    int n = 0;
    for (const auto& gpu : sample.gpus) {
        const auto id = QString::fromStdString(gpu.id);
        const QColor color = gpuColors[n++ % 3];
        addGraph(id + QStringLiteral("/used"), color, false);
        addGraph(id + QStringLiteral("/util"), color.lighter(140), true, Qt::DotLine);
    }
}

void DevicePanel::addSample(const DeviceSample& sample)
{
    ensureGraphs(sample);
    const double t = sample.timeSeconds;
    auto put = [&](const QString& key, double value) {
        const int index = m_graphKeys.indexOf(key);
        if (index < 0)
            return;
        auto* graph = m_plot->graph(index);
        graph->addData(t, value);
        graph->data()->removeBefore(t - m_historySeconds);
    };
    bool totalsChanged = noteTotal(QStringLiteral("host"), sample.hostTotal);
    put(QStringLiteral("host"), double(sample.hostUsed) / kGiB);
    put(QStringLiteral("process"), double(sample.processResident) / kGiB);
    for (const auto& gpu : sample.gpus) {
        if (!gpu.available)
            continue; // a gap in the line shows the moments the GPU did not answer
        const auto id = QString::fromStdString(gpu.id);
        totalsChanged |= noteTotal(id, gpu.memoryTotal);
        put(id + QStringLiteral("/used"), double(gpu.memoryUsed) / kGiB);
        if (gpu.utilisationPercent >= 0)
            put(id + QStringLiteral("/util"), gpu.utilisationPercent);
    }
    if (totalsChanged)
        for (int i = 0; i < m_plot->graphCount(); ++i)
            m_plot->graph(i)->setName(graphName(m_graphKeys.value(i)));
    rescale(t);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool DevicePanel::noteTotal(const QString& id, std::uint64_t total)
{
    if (m_totals.value(id) == total)
        return false;
    m_totals[id] = total;
    return true;
}

void DevicePanel::rescale(double now)
{
    // The memory axis follows what is used, not the totals (which sit in the legend), so a
    // few hundred MiB on a 24 GiB machine still shows as a line that moves.
    double top = 0.5;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        if (m_plot->graph(i)->valueAxis() != m_plot->yAxis)
            continue;
        bool found = false;
        const auto range = m_plot->graph(i)->getValueRange(found);
        if (found)
            top = std::max(top, range.upper);
    }
    m_plot->yAxis->setRange(0, top * 1.25);
    m_plot->xAxis->setRange(std::max(0.0, now - m_historySeconds), std::max(now, 10.0));
}

void DevicePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DevicePanel::retranslate()
{
    m_chooserLabel->setText(tr("Active &device:"));
    m_chooser->setToolTip(tr("The device that training and inference run on"));
    m_tree->setHeaderLabels({tr("Device"), tr("Capabilities")});
    m_plot->xAxis->setLabel(tr("Time (s)"));
    m_plot->yAxis->setLabel(tr("Memory (GiB)"));
    m_plot->yAxis2->setLabel(tr("Utilisation (%)"));
    for (int i = 0; i < m_plot->graphCount(); ++i)
        m_plot->graph(i)->setName(graphName(m_graphKeys.value(i)));
    fillChooser();
    fillTree();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fathom
