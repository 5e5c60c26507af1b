#include "modelsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fathom {

namespace {

QSpinBox* spin(QWidget* parent, const char* name, int low, int high)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    return box;
}

} // namespace

ModelSettingsDialog::ModelSettingsDialog(const ModelSizes& sizes, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("modelSettings"));
    setWindowTitle(tr("Model Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* every = new QGroupBox(tr("Every model"), this);
    auto* everyForm = new QFormLayout(every);
    m_dropout = new QDoubleSpinBox(this);
    m_dropout->setObjectName(QStringLiteral("dropout"));
    m_dropout->setRange(0.0, 0.9);
    m_dropout->setSingleStep(0.05);
    m_dropout->setDecimals(2);
    everyForm->addRow(tr("Dropout:"), m_dropout);
    layout->addWidget(every);

    auto* patch = new QGroupBox(tr("PatchTST"), this);
    auto* patchForm = new QFormLayout(patch);
    m_width = spin(this, "width", 4, 1024);
    m_heads = spin(this, "heads", 1, 64);
    m_layers = spin(this, "layers", 1, 12);
    m_feedForward = spin(this, "feedForward", 0, 8192);
    m_feedForward->setSpecialValueText(tr("twice the width"));
    m_patchLength = spin(this, "patchLength", 1, 512);
    m_patchStride = spin(this, "patchStride", 1, 512);
    m_revin = new QCheckBox(tr("Learned scale and shift around the instance normalisation (RevIN)"), this);
    m_revin->setObjectName(QStringLiteral("revinAffine"));
    patchForm->addRow(tr("Width:"), m_width);
    patchForm->addRow(tr("Attention heads:"), m_heads);
    patchForm->addRow(tr("Encoder layers:"), m_layers);
    patchForm->addRow(tr("Feed-forward width:"), m_feedForward);
    patchForm->addRow(tr("Patch length:"), m_patchLength);
    patchForm->addRow(tr("Patch stride:"), m_patchStride);
    patchForm->addRow(m_revin);
    auto* hint = new QLabel(tr("The paper's ETTh1 sizes: width 16, 4 heads, feed-forward 128, dropout 0.3."), this);
    hint->setWordWrap(true);
    patchForm->addRow(hint);
    layout->addWidget(patch);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("sizesProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_problem);
    m_buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSizes(ModelSizes{}); });
    for (auto* box : {m_width, m_heads, m_layers, m_feedForward, m_patchLength, m_patchStride})
        connect(box, &QSpinBox::valueChanged, this, &ModelSettingsDialog::refresh);
    setSizes(sizes);
}

void ModelSettingsDialog::setSizes(const ModelSizes& s)
{
    m_dropout->setValue(double(s.dropout));
    m_width->setValue(s.width);
    m_heads->setValue(s.heads);
    m_layers->setValue(s.layers);
    m_feedForward->setValue(s.feedForward);
    m_patchLength->setValue(s.patchLength);
    m_patchStride->setValue(s.patchStride);
    m_revin->setChecked(s.revinAffine);
    refresh();
}

ModelSizes ModelSettingsDialog::sizes() const
{
    ModelSizes s;
    s.dropout = float(m_dropout->value());
    s.width = m_width->value();
    s.heads = m_heads->value();
    s.layers = m_layers->value();
    s.feedForward = m_feedForward->value();
    s.patchLength = m_patchLength->value();
    s.patchStride = m_patchStride->value();
    s.revinAffine = m_revin->isChecked();
    return s;
}

QString ModelSettingsDialog::problem(const ModelSizes& s)
{
    if (s.heads < 1 || s.width % s.heads != 0)
        return tr("The width (%1) must be a multiple of the attention heads (%2).").arg(s.width).arg(s.heads);
    return {};
}

void ModelSettingsDialog::refresh()
{
    const auto why = problem(sizes());
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace fathom
