#include "detectionsettingsdialog.h"

#include "settingsboxes.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fathom {

using settingsboxes::kept;
using settingsboxes::spinBox;

DetectionSettingsDialog::DetectionSettingsDialog(const project::DetectionRecord& current, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("detectionSettingsDialog"));
    setWindowTitle(tr("Detection Settings"));
    auto* intro = new QLabel(tr("Saved with the project and used by the next Detect Contacts. Contacts already "
                                "reviewed stay; the others are proposed again."),
                             this);
    intro->setWordWrap(true);

    auto* classical = new QGroupBox(tr("Classical detector (highlight and shadow)"), this);
    m_highlight = spinBox(classical, "highlight", 1.1, 10, 0.1, 2, tr(" × local mean"),
                          tr("A highlight is brighter than this many times the seabed around it. Higher: fewer, "
                             "brighter contacts."));
    m_shadow = spinBox(classical, "shadowLevel", 0.05, 0.95, 0.05, 2, tr(" × local mean"),
                       tr("A shadow is darker than this share of the seabed around it. Lower: only deep shadows."));
    m_minShadow = spinBox(classical, "minShadow", 0, 10, 0.1, 1, tr(" m"),
                          tr("Shorter shadows behind a highlight are taken for seabed texture."));
    m_minScore =
        spinBox(classical, "minScore", 0, 1, 0.05, 2, QString(), tr("Contacts scored lower are not proposed."));
    m_coarse = new QCheckBox(tr("Also look for large objects such as wrecks (a coarse pass)"), classical);
    m_coarse->setObjectName(QStringLiteral("coarsePass"));
    m_waterColumn = new QCheckBox(tr("Look into the water column for moored objects"), classical);
    m_waterColumn->setObjectName(QStringLiteral("waterColumn"));
    m_waterEcho = spinBox(classical, "waterColumnEcho", 2, 100, 1, 1, tr(" × its level"),
                          tr("An echo in the water column is an object's when it is this many times brighter than "
                             "the water column at that range. Higher on a noisy water column (fish, wakes)."));
    connect(m_waterColumn, &QCheckBox::toggled, m_waterEcho, &QWidget::setEnabled);
    auto* form = new QFormLayout(classical);
    form->addRow(tr("Highlight above"), m_highlight);
    form->addRow(tr("Shadow below"), m_shadow);
    form->addRow(tr("Shortest shadow"), m_minShadow);
    form->addRow(tr("Lowest score"), m_minScore);
    form->addRow(m_coarse);
    form->addRow(m_waterColumn);
    form->addRow(tr("Water-column echo above"), m_waterEcho);

    auto* cnn = new QGroupBox(tr("CNN detector"), this);
    m_minCnnScore =
        spinBox(cnn, "minCnnScore", 0, 1, 0.05, 2, QString(), tr("Boxes the network scores lower are not proposed."));
    auto* cnnForm = new QFormLayout(cnn);
    cnnForm->addRow(tr("Lowest score"), m_minCnnScore);

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { fill(project::DetectionRecord{}); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(classical);
    layout->addWidget(cnn);
    layout->addWidget(buttons);
    fill(current);
}

void DetectionSettingsDialog::fill(const project::DetectionRecord& s)
{
    m_filled = s;
    if (s.classical.coarseScale > 1)
        m_coarseScale = s.classical.coarseScale;
    m_highlight->setValue(s.classical.highlight);
    m_shadow->setValue(s.classical.shadowLevel);
    m_minShadow->setValue(s.classical.minShadowMetres);
    m_minScore->setValue(s.classical.minScore);
    m_coarse->setChecked(s.classical.coarseScale > 1);
    m_waterColumn->setChecked(s.classical.waterColumn.enabled);
    m_waterEcho->setValue(s.classical.waterColumn.highlight);
    m_waterEcho->setEnabled(s.classical.waterColumn.enabled);
    m_minCnnScore->setValue(s.minCnnScore);
}

project::DetectionRecord DetectionSettingsDialog::settings() const
{
    project::DetectionRecord s;
    s.classical.highlight = kept(m_highlight, m_filled.classical.highlight);
    s.classical.shadowLevel = kept(m_shadow, m_filled.classical.shadowLevel);
    s.classical.minShadowMetres = kept(m_minShadow, m_filled.classical.minShadowMetres);
    s.classical.minScore = kept(m_minScore, m_filled.classical.minScore);
    s.classical.coarseScale = m_coarse->isChecked() ? m_coarseScale : 0;
    s.classical.waterColumn.enabled = m_waterColumn->isChecked();
    s.classical.waterColumn.highlight = kept(m_waterEcho, m_filled.classical.waterColumn.highlight);
    s.minCnnScore = kept(m_minCnnScore, m_filled.minCnnScore);
    return s;
}

} // namespace fathom
