#pragma once

#include "device/deviceinfo.h"

#include <QHash>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QTreeWidget;

namespace fathom {

// The Devices dock: every device with its capabilities, the LibTorch build, a chooser for the
// active device and a live plot of memory and utilisation. It only shows what it is given.
class DevicePanel : public QWidget
{
    Q_OBJECT

public:
    explicit DevicePanel(QWidget* parent = nullptr);

    void setDevices(const std::vector<DeviceInfo>& devices, const BuildInfo& build,
                    const std::vector<std::string>& choices);
    // The request shown in the chooser ("auto", "cuda:0", …) and the device actually in use.
    void setSelection(const QString& request, const QString& activeId, const QString& message);
    void addSample(const DeviceSample& sample);
    // How forecasts on the CPU run now ("fp32" or "bf16"): a row under the CPU.
    void setCpuInferencePrecision(const QString& precision);
    void setHistorySeconds(double seconds) { m_historySeconds = seconds; }

    QCustomPlot* plot() const { return m_plot; }
    QTreeWidget* tree() const { return m_tree; }
    QComboBox* chooser() const { return m_chooser; }

signals:
    void deviceRequested(const QString& request);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillTree();
    void fillChooser();
    void ensureGraphs(const DeviceSample& sample);
    void addGraph(const QString& key, const QColor& color, bool percentAxis, Qt::PenStyle style = Qt::SolidLine);
    QString graphName(const QString& key) const;
    bool noteTotal(const QString& id, std::uint64_t total);
    void rescale(double now);

    QLabel* m_chooserLabel = nullptr;
    QComboBox* m_chooser = nullptr;
    QLabel* m_message = nullptr;
    QTreeWidget* m_tree = nullptr;
    QCustomPlot* m_plot = nullptr;
    std::vector<DeviceInfo> m_devices;
    BuildInfo m_build;
    std::vector<std::string> m_choices;
    QString m_request = QStringLiteral("auto");
    QString m_activeId = QStringLiteral("cpu");
    QString m_cpuInference = QStringLiteral("fp32");
    QStringList m_graphKeys;                // "host", "process", "<gpu id>/used", "<gpu id>/util"
    QHash<QString, std::uint64_t> m_totals; // "host" or a GPU id -> its total memory
    double m_historySeconds = 300;
};

} // namespace fathom
