#pragma once

#include "project/project.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;

namespace fathom {

// Tools → Detection Settings: the classical detector's thresholds, its coarse pass and its look into
// the water column, and the lowest CNN score kept — tuned for a survey whose seabed is not the one
// the defaults were tuned on. Restore Defaults puts back Fathom's; the caller applies what is accepted.
class DetectionSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DetectionSettingsDialog(const project::DetectionRecord& current, QWidget* parent = nullptr);
    project::DetectionRecord settings() const;

private:
    void fill(const project::DetectionRecord& settings);

    int m_coarseScale = 4;             // pixels a side of the coarse pass when it is on
    project::DetectionRecord m_filled; // what the boxes were filled with (exact, before their rounding)

    QDoubleSpinBox *m_highlight = nullptr, *m_shadow = nullptr, *m_minShadow = nullptr, *m_minScore = nullptr,
                   *m_minCnnScore = nullptr, *m_waterEcho = nullptr;
    QCheckBox *m_coarse = nullptr, *m_waterColumn = nullptr;
};

} // namespace fathom
