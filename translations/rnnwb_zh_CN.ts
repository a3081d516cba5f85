<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>windows, widgets, printing, SVG</source>
        <translation>窗口、控件、打印、SVG</translation>
    </message>
    <message>
        <source>GNU LGPL version 3</source>
        <translation>GNU LGPL 第 3 版</translation>
    </message>
    <message>
        <source>summary charts</source>
        <translation>汇总图表</translation>
    </message>
    <message>
        <source>GNU GPL version 3</source>
        <translation>GNU GPL 第 3 版</translation>
    </message>
    <message>
        <source>the networks&apos; linear algebra</source>
        <translation>网络的线性代数运算</translation>
    </message>
    <message>
        <source>Mozilla Public License 2.0 (MPL2)</source>
        <translation>Mozilla 公共许可证 2.0（MPL2）</translation>
    </message>
    <message>
        <source>time-series plots</source>
        <translation>时间序列图</translation>
    </message>
    <message>
        <source>model, project and report files</source>
        <translation>模型、项目和报告文件</translation>
    </message>
    <message>
        <source>MIT licence</source>
        <translation>MIT 许可证</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>所用的库及其许可证</translation>
    </message>
    <message>
        <source>Because it links QCustomPlot and Qt Charts (GNU GPL version 3), RNN Workbench as a whole is distributed under the %1.</source>
        <translation>由于链接了 QCustomPlot 和 Qt Charts（GNU GPL 第 3 版），RNN Workbench 整体以 %1 发布。</translation>
    </message>
    <message>
        <source>About RNN Workbench</source>
        <translation>关于 RNN Workbench</translation>
    </message>
    <message>
        <source>RNN Workbench %1</source>
        <translation>RNN Workbench %1</translation>
    </message>
    <message>
        <source>Train recurrent networks (LSTM, GRU, Elman RNN) on time series, watch them learn and forecast, and look inside them; written in C++ with Eigen, matched to PyTorch.</source>
        <translation>在时间序列上训练循环神经网络（LSTM、GRU、Elman RNN），观察它们如何学习和预测，并查看它们的内部；用 C++ 和 Eigen 编写，结果与 PyTorch 一致。</translation>
    </message>
    <message>
        <source>Name, version and description</source>
        <translation>名称、版本与简介</translation>
    </message>
    <message>
        <source>This build</source>
        <translation>本构建</translation>
    </message>
    <message>
        <source>Build information</source>
        <translation>构建信息</translation>
    </message>
    <message>
        <source>&amp;Copy Build Information</source>
        <translation>复制构建信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy build information</source>
        <translation>复制构建信息</translation>
    </message>
    <message>
        <source>Puts the version and build lines on the clipboard, for a bug report.</source>
        <translation>把版本和构建信息复制到剪贴板，便于报告问题。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Compiler: %1
Qt: %2 at run time (built with %3)
Eigen: %4, SIMD: %5
Training threads: %6</source>
        <translation>编译器：%1
Qt：运行时 %2（构建时 %3）
Eigen：%4，SIMD：%5
训练线程数：%6</translation>
    </message>
</context>
<context>
    <name>BacktestDialog</name>
    <message>
        <source>Rolling-origin backtest</source>
        <translation>滚动起点回测</translation>
    </message>
    <message>
        <source>&amp;Origins (K):</source>
        <translation>起点数 K(&amp;O)：</translation>
    </message>
    <message>
        <source>K: the test part is cut into K consecutive blocks; each block&apos;s first target is an origin, and the block is forecast one step ahead from there.</source>
        <translation>K：测试集被切成 K 个相邻的块；每块的第一个目标值是一个起点，从那里对整块做单步预测。</translation>
    </message>
    <message>
        <source>&amp;Retrain at each origin</source>
        <translation>在每个起点重新训练(&amp;R)</translation>
    </message>
    <message>
        <source>Off: one network, trained on the training part, forecasts every block.
On: for each origin the same settings (same seed) train a new network on the series up to that block only: K trainings, so it takes about K times as long.</source>
        <translation>关：只用一个在训练集上训练好的网络预测每一块。
开：对每个起点，用同样的设置（同一随机种子）只在该块之前的序列上训练一个新网络：共训练 K 次，所以用时约为 K 倍。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%v of %m origins</source>
        <translation>%v / %m 个起点</translation>
    </message>
    <message>
        <source>Metrics per origin</source>
        <translation>各起点的指标</translation>
    </message>
    <message>
        <source>Number of origins</source>
        <translation>起点数</translation>
    </message>
    <message>
        <source>Retrain at each origin</source>
        <translation>在每个起点重新训练</translation>
    </message>
    <message>
        <source>Run the backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <source>Evaluate the current settings from each origin (retraining there when asked).</source>
        <translation>从每个起点评估当前设置（如有要求，则在该处重新训练）。</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <source>Stop the backtest</source>
        <translation>停止回测</translation>
    </message>
    <message>
        <source>Stop after the origin being evaluated; the finished origins stay in the table.</source>
        <translation>在正在评估的起点完成后停止；已完成的起点保留在表格中。</translation>
    </message>
    <message>
        <source>Backtest progress</source>
        <translation>回测进度</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Open CSV…</source>
        <translation>打开 CSV…</translation>
    </message>
    <message>
        <source>Open a CSV file (Ctrl+O). You can also drop a file onto the window.</source>
        <translation>打开一个 CSV 文件（Ctrl+O）。也可以把文件拖放到窗口上。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>The bundled datasets and generated teaching series.</source>
        <translation>随附的数据集和生成的教学序列。</translation>
    </message>
    <message>
        <source>The column to forecast. Only numeric columns are listed; a date column, if there is one, becomes the time axis.</source>
        <translation>要预测的列。只列出数值列；如果有日期列，它会成为时间轴。</translation>
    </message>
    <message>
        <source>M&amp;issing values:</source>
        <translation>缺失值(&amp;I)：</translation>
    </message>
    <message>
        <source>What to do with empty or unreadable cells in the column: leave those rows out (like pandas&apos; dropna) or fill each gap in linearly from its neighbours.</source>
        <translation>如何处理该列中为空或无法读取的单元格：去掉这些行（同 pandas 的 dropna），或用相邻值线性插补每个空缺。</translation>
    </message>
    <message>
        <source>drop the row</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <source>interpolate</source>
        <translation>线性插值</translation>
    </message>
    <message>
        <source>Series plot</source>
        <translation>序列图</translation>
    </message>
    <message>
        <source>The series with its training, validation and test parts shaded. Drag to pan, wheel to zoom, double-click (or 0 when focused) to fit.</source>
        <translation>数据序列，训练集、验证集和测试集以底色区分。拖动可平移，滚轮可缩放，双击（或获得焦点时按 0）可显示全部。</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Data preview</source>
        <translation>数据预览</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>导入警告</translation>
    </message>
    <message>
        <source>What the import changed or left out, with the file line of each.</source>
        <translation>导入时修改或略去的内容，并注明各自在文件中的行号。</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>打开一个 CSV 文件</translation>
    </message>
    <message>
        <source>Sample datasets</source>
        <translation>示例数据集</translation>
    </message>
    <message>
        <source>Co&amp;lumn:</source>
        <translation>列(&amp;L)：</translation>
    </message>
    <message>
        <source>Column to forecast</source>
        <translation>要预测的列</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <source>Data details</source>
        <translation>数据详情</translation>
    </message>
</context>
<context>
    <name>HyperPanel</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>&amp;Cell:</source>
        <translation>单元类型(&amp;C)：</translation>
    </message>
    <message>
        <source>The recurrent cell. LSTM (the tutorial&apos;s) keeps a separate memory guarded by input, forget and output gates, so it can carry information over many steps. GRU is a lighter gated cell with two gates. RNN is the plain Elman cell, h = tanh(W·x + U·h + b): its gradient fades over long distances.</source>
        <translation>循环单元。LSTM（长短期记忆网络，教程所用）有一个由输入门、遗忘门和输出门把守的单独记忆，因此能把信息带过很多步。GRU 是只有两个门的较轻的门控单元。RNN 是普通的 Elman 单元，h = tanh(W·x + U·h + b)：它的梯度在长距离上会逐渐消失。</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>RNN (Elman, tanh)</source>
        <translation>RNN（Elman，tanh）</translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation>层数(&amp;Y)：</translation>
    </message>
    <message>
        <source>How many recurrent layers are stacked: each layer reads the sequence of hidden states of the one below. The tutorial uses 2.</source>
        <translation>堆叠的循环层数：每一层读取下一层的隐藏状态序列。教程使用 2 层。</translation>
    </message>
    <message>
        <source>Hidden si&amp;ze:</source>
        <translation>隐藏层大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>Units in each layer&apos;s hidden state: the size of the network&apos;s memory. More units can fit more complex patterns but train slower and overfit small series more easily. The tutorial uses 45.</source>
        <translation>每层隐藏状态的单元数，即网络记忆的大小。单元越多，能拟合的模式越复杂，但训练更慢，在小序列上也更容易过拟合。教程使用 45。</translation>
    </message>
    <message>
        <source>Layo&amp;ut:</source>
        <translation>数据布局(&amp;U)：</translation>
    </message>
    <message>
        <source>How windows enter the network. Features (the tutorial&apos;s): the window&apos;s values are the inputs of one time step, and all training windows in order form one long sequence. Sequence: each window is its own short sequence of single values, and the last step predicts the next value; minibatches and shuffling apply here.</source>
        <translation>窗口如何输入网络。特征（教程的做法）：窗口中的值是一个时间步的输入，所有训练窗口按顺序组成一条长序列。序列：每个窗口各自是一条由单个值组成的短序列，由最后一个时间步预测下一个值；小批量和打乱顺序只在这种布局下起作用。</translation>
    </message>
    <message>
        <source>features (the tutorial&apos;s)</source>
        <translation>特征（教程的做法）</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>How many past values the network sees to predict the next one (the tutorial&apos;s look-back of 5). Each window of values is paired with the value right after it as the target.</source>
        <translation>网络用多少个过去的值来预测下一个值（教程的回看长度为 5）。每个窗口的值与紧随其后的值配对，后者作为目标值。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>训练轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>How many passes over the training windows. One epoch = one forward and backward pass over the training part (one optimizer step with full batches). The tutorial trains 200.</source>
        <translation>在训练窗口上遍历多少遍。一轮 = 在训练集上做一次前向和反向传播（全批量时即优化器走一步）。教程训练 200 轮。</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>学习率(&amp;R)：</translation>
    </message>
    <message>
        <source>How big a step the optimizer takes along the gradient. Too small: training crawls; too large: the loss jumps around or diverges. The slider moves on a logarithmic scale (1e-6 to 1); type any value in the box. The tutorial uses 0.01.</source>
        <translation>优化器沿梯度方向每步走多远。太小：训练进展缓慢；太大：损失上下跳动甚至发散。滑块按对数刻度移动（1e-6 到 1）；也可在输入框中键入任意值。教程使用 0.01。</translation>
    </message>
    <message>
        <source>&amp;Optimizer:</source>
        <translation>优化器(&amp;O)：</translation>
    </message>
    <message>
        <source>The update rule. Adam (the tutorial&apos;s) adapts a step size per weight from running averages of the gradient and its square; SGD follows the gradient directly (optionally with momentum); RMSprop scales steps by a running average of squared gradients.</source>
        <translation>参数更新规则。Adam（教程所用）根据梯度及其平方的滑动平均为每个权重调整步长；SGD 直接沿梯度方向更新（可加动量）；RMSprop 用梯度平方的滑动平均来缩放步长。</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>&amp;Momentum:</source>
        <translation>动量(&amp;M)：</translation>
    </message>
    <message>
        <source>SGD only: the fraction of the previous update added to the current one, which smooths and speeds up descent. 0 = plain SGD.</source>
        <translation>仅用于 SGD：把上一次更新的一部分加到本次更新上，使下降更平滑、更快。0 = 普通 SGD。</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>Sequence layout only: how many windows per optimizer step; the windows are shuffled each epoch. &apos;all&apos; = one step per epoch over every training window. The features layout always trains the windows as one sequence.</source>
        <translation>仅用于序列布局：优化器每走一步使用多少个窗口；每轮都会打乱窗口的顺序。“全部” = 每轮在所有训练窗口上只走一步。特征布局总是把窗口当作一条序列来训练。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Gradient clipping:</source>
        <translation>梯度裁剪(&amp;G)：</translation>
    </message>
    <message>
        <source>If the gradient&apos;s overall length (L2 norm) exceeds this value it is scaled down to it before the step. Keeps one bad batch from throwing the weights far away (exploding gradients). &apos;off&apos; = no clipping.</source>
        <translation>如果梯度的总长度（L2 范数）超过此值，更新前会把它缩小到此值。这样一个坏批次就不会把权重甩得很远（梯度爆炸）。“关” = 不裁剪。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Early-stopping &amp;patience:</source>
        <translation>早停耐心轮数(&amp;P)：</translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs, and keep the weights of the best epoch. Needs a validation part. &apos;off&apos; = always train every epoch.</source>
        <translation>验证损失连续这么多轮没有改善时停止训练，并保留最好那一轮的权重。需要验证集。“关” = 总是训练完所有轮。</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <source>The random seed for the initial weights (and the shuffling of minibatches). The same data, settings and seed give exactly the same run.</source>
        <translation>初始权重（以及小批量打乱顺序）所用的随机种子。相同的数据、设置和种子会得到完全相同的运行结果。</translation>
    </message>
    <message>
        <source>Data split and scaling</source>
        <translation>数据划分与缩放</translation>
    </message>
    <message>
        <source>Trai&amp;ning part:</source>
        <translation>训练集比例(&amp;N)：</translation>
    </message>
    <message>
        <source>The fraction of windows, from the start of the series, the network trains on (the tutorial&apos;s 0.7). The test part after them is never trained on: it shows how the model does on data it has not seen.</source>
        <translation>从序列开头起用于训练网络的窗口比例（教程为 0.7）。其后的测试集从不参与训练：它显示模型在没见过的数据上表现如何。</translation>
    </message>
    <message>
        <source>Vali&amp;dation part:</source>
        <translation>验证集比例(&amp;D)：</translation>
    </message>
    <message>
        <source>The fraction of windows after the training part used to watch for overfitting during training (the validation loss) and for early stopping. 0 = none, as in the tutorial.</source>
        <translation>紧接训练集之后的窗口比例，用于在训练中监视过拟合（验证损失）和早停。0 = 不设验证集，与教程相同。</translation>
    </message>
    <message>
        <source>Sca&amp;ler:</source>
        <translation>缩放方式(&amp;L)：</translation>
    </message>
    <message>
        <source>How values are brought into the range the network works in. Min-max (the tutorial&apos;s) maps the minimum to 0 and the maximum to 1; z-score subtracts the mean and divides by the standard deviation. Predictions are turned back into the data&apos;s units for the charts and metrics.</source>
        <translation>如何把数值变换到网络工作的范围内。最小-最大归一化（教程所用）把最小值映射为 0、最大值映射为 1；z-score 标准化减去均值再除以标准差。图表和指标中的预测值会反归一化回数据本身的单位。</translation>
    </message>
    <message>
        <source>min-max (0 to 1)</source>
        <translation>最小-最大（0 到 1）</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z-score 标准化</translation>
    </message>
    <message>
        <source>Sc&amp;aler fitted on:</source>
        <translation>缩放参数来自(&amp;A)：</translation>
    </message>
    <message>
        <source>Which values the scaler&apos;s minimum and maximum (or mean and deviation) come from. The whole series is the tutorial&apos;s choice, but it lets information about the test part leak into training. Fitting on the training part only is the honest choice.</source>
        <translation>缩放所用的最小值和最大值（或均值和标准差）取自哪些数据。教程取自整条序列，但这样会让测试集的信息泄漏到训练中。只用训练集来拟合才是诚实的做法。</translation>
    </message>
    <message>
        <source>whole series (tutorial&apos;s)</source>
        <translation>整条序列（教程的做法）</translation>
    </message>
    <message>
        <source>training part only (honest)</source>
        <translation>仅训练集（诚实的做法）</translation>
    </message>
    <message>
        <source>Train on the logarithm of the series (ln y). A series that grows by a percentage, like the airline passengers, becomes one that grows by a constant step, and its seasonal swings become the same size. Every value must be above 0. Predictions, forecasts and metrics are turned back into the data&apos;s units.</source>
        <translation>在序列的对数（ln y）上训练。按百分比增长的序列（如航空乘客数）会变成按固定步长增长，季节性波动的幅度也变得一致。所有值都必须大于 0。预测值、未来预测和指标都会换算回数据本身的单位。</translation>
    </message>
    <message>
        <source>ln y (values above 0)</source>
        <translation>ln y（值须大于 0）</translation>
    </message>
    <message>
        <source>Seasonal d&amp;ifference:</source>
        <translation>季节差分(&amp;I)：</translation>
    </message>
    <message>
        <source>Train on the change from the same season one period before: y(t) − y(t − m), after the log transform. Removes a repeating seasonal pattern of period m (12 for monthly data with a yearly cycle, 7 for daily data with a weekly one). The first m values have nothing to subtract and no prediction. 0 = off. Predictions are turned back into the data&apos;s units with the real earlier values (forecasts: with their own earlier forecasts).</source>
        <translation>在相对上一周期同一季节的变化量上训练：y(t) − y(t − m)，在对数变换之后进行。它去掉周期为 m 的重复季节模式（按年循环的月度数据取 12，按周循环的日数据取 7）。前 m 个值没有可减的值，也没有预测。0 = 关。预测值借助真实的先前值换算回数据本身的单位（未来预测则借助它自己先前的预测）。</translation>
    </message>
    <message>
        <source>Train on the change from one step to the next: y(t) − y(t − 1), after the log transform and the seasonal difference. Removes a trend, so the network can predict values beyond the range it trained on. The first value has no prediction. Predictions are turned back into the data&apos;s units with the real earlier values (forecasts: with their own earlier forecasts).</source>
        <translation>在相邻两步之间的变化量上训练：y(t) − y(t − 1)，在对数变换和季节差分之后进行。它去掉趋势，使网络能预测超出训练范围的值。第一个值没有预测。预测值借助真实的先前值换算回数据本身的单位（未来预测则借助它自己先前的预测）。</translation>
    </message>
    <message>
        <source>y(t) − y(t − 1)</source>
        <translation>y(t) − y(t − 1)</translation>
    </message>
    <message>
        <source>Fitting the scaler on the training part only is the honest choice: the test part then stays truly unseen.</source>
        <translation>只在训练集上拟合缩放参数才是诚实的做法：这样测试集才真正没有被看到过。</translation>
    </message>
    <message>
        <source>Reset to the tutorial&apos;s defaults</source>
        <translation>恢复教程的默认设置</translation>
    </message>
    <message>
        <source>Set every hyperparameter back to the seed tutorial&apos;s recipe: LSTM, 2 layers of 45, window 5, Adam at 0.01, 200 epochs, 70 % training.</source>
        <translation>把所有超参数恢复为原教程的配方：LSTM，2 层各 45 个单元，窗口 5，Adam 学习率 0.01，200 轮，70% 用于训练。</translation>
    </message>
    <message>
        <source>Lo&amp;g transform:</source>
        <translation>对数变换(&amp;G)：</translation>
    </message>
    <message>
        <source>First &amp;difference:</source>
        <translation>一阶差分(&amp;D)：</translation>
    </message>
    <message>
        <source>Reset the hyperparameters to the tutorial&apos;s defaults</source>
        <translation>把超参数恢复为教程的默认设置</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of RNN Workbench.</source>
        <translation>新的界面语言将在 RNN Workbench 下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>立即重新启动(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>界面语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>RNN Workbench could not start again: %1</source>
        <translation>RNN Workbench 无法重新启动：%1</translation>
    </message>
</context>
<context>
    <name>MetricsTable</name>
    <message>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>朴素预测</translation>
    </message>
    <message>
        <source>Seasonal naive, m = %1</source>
        <translation>季节朴素预测，m = %1</translation>
    </message>
    <message>
        <source>Seasonal naive</source>
        <translation>季节朴素预测</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移法</translation>
    </message>
    <message>
        <source>Linear AR</source>
        <translation>线性自回归</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标值数</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>MAPE %</source>
        <translation>MAPE %</translation>
    </message>
    <message>
        <source>sMAPE %</source>
        <translation>sMAPE %</translation>
    </message>
    <message>
        <source>MASE</source>
        <translation>MASE</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>Errors of one-step predictions in the data&apos;s own units: the network on each part, then (in grey) four simple forecasts of the same test targets. A network worth having beats them.
RMSE: root mean squared error; MAE: mean absolute error; MAPE / sMAPE: (symmetric) mean absolute percentage error; MASE: MAE divided by the seasonal-naive MAE on the training part (below 1 beats it); R²: share of the variance explained.</source>
        <translation>单步预测的误差，以数据本身的单位计：先是网络在各部分上的误差，然后（灰色）是对同样测试目标值的四种简单预测。值得用的网络应当胜过它们。
RMSE：均方根误差；MAE：平均绝对误差；MAPE / sMAPE：（对称）平均绝对百分比误差；MASE：MAE 除以季节朴素预测在训练集上的 MAE（小于 1 即胜过它）；R²：被解释的方差比例。</translation>
    </message>
    <message>
        <source>The lowest test RMSE of the network and the baselines</source>
        <translation>网络与各基线中最低的测试 RMSE</translation>
    </message>
</context>
<context>
    <name>QMenu</name>
    <message>
        <source>&amp;Color Scheme</source>
        <translation>配色方案(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>The desktop&apos;s own colours</source>
        <translation>使用桌面自身的配色</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, charts included</source>
        <translation>深色背景上的浅色文字，图表也一样</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>示例(&amp;S)</translation>
    </message>
    <message>
        <source>Bundled datasets</source>
        <translation>随附的数据集</translation>
    </message>
    <message>
        <source>Teaching series (generated)</source>
        <translation>教学序列（生成的）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: choose a .png, .svg or .pdf file name</source>
        <translation>%1：请选择 .png、.svg 或 .pdf 文件名</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Chart Image</source>
        <translation>导出图表图像</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation>导出图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Save this chart as PNG (choose size and DPI), SVG or PDF</source>
        <translation>把此图表保存为 PNG（可选尺寸和 DPI）、SVG 或 PDF</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
        <source>Export &amp;Data as CSV…</source>
        <translation>导出数据为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>PNG Size</source>
        <translation>PNG 尺寸</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>96 dpi draws the chart as on screen; 192 dpi draws it twice as fine in the same number of pixels</source>
        <translation>96 dpi 按屏幕上的样子绘制图表；192 dpi 在同样的像素数内绘制得精细一倍</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>RNN Workbench projects (*.rnnwb)</source>
        <translation>RNN Workbench 项目 (*.rnnwb)</translation>
    </message>
    <message>
        <source>Models (*.safetensors)</source>
        <translation>模型 (*.safetensors)</translation>
    </message>
    <message>
        <source>%1: open a CSV file first; the model predicts one of its columns</source>
        <translation>%1：请先打开一个 CSV 文件；模型预测的是其中的一列</translation>
    </message>
    <message>
        <source>%1: the model predicts the column &apos;%2&apos;, and %3 has no such column</source>
        <translation>%1：模型预测的是列“%2”，而 %3 中没有这一列</translation>
    </message>
    <message>
        <source>%1: the model (window %2) does not fit %3: %4</source>
        <translation>%1：模型（窗口 %2）不适用于 %3：%4</translation>
    </message>
    <message>
        <source>%1 (model %2)</source>
        <translation>%1（模型 %2）</translation>
    </message>
    <message>
        <source>%1: the run has no series to forecast from</source>
        <translation>%1：这次运行没有可用来做未来预测的序列</translation>
    </message>
    <message>
        <source>%1 (bundled with RNN Workbench)</source>
        <translation>%1（RNN Workbench 随附）</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>&amp;Open CSV…</source>
        <translation>打开 CSV(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>打开一个 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Export Charts…</source>
        <translation>导出所有图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Save every chart as PNG, SVG and PDF into a folder</source>
        <translation>把每个图表以 PNG、SVG 和 PDF 格式保存到一个文件夹</translation>
    </message>
    <message>
        <source>S&amp;ave Run Report…</source>
        <translation>保存运行报告(&amp;B)…</translation>
    </message>
    <message>
        <source>Save the shown run as JSON, the same report as rnnwb train --json</source>
        <translation>把当前显示的运行保存为 JSON，与 rnnwb train --json 的报告相同</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a saved session (.rnnwb): data, hyperparameters and runs</source>
        <translation>打开保存的会话（.rnnwb）：数据、超参数和各次运行</translation>
    </message>
    <message>
        <source>Sa&amp;ve Project…</source>
        <translation>保存项目(&amp;J)…</translation>
    </message>
    <message>
        <source>Save this session (.rnnwb): data file and its SHA-256, hyperparameters and runs</source>
        <translation>保存当前会话（.rnnwb）：数据文件及其 SHA-256、超参数和各次运行</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Apply a saved model (.safetensors) to the current data, without training</source>
        <translation>把保存的模型（.safetensors）直接用于当前数据，无需训练</translation>
    </message>
    <message>
        <source>Save Mo&amp;del…</source>
        <translation>保存模型(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the shown run&apos;s model as safetensors, with its complete metadata</source>
        <translation>把当前显示的运行的模型保存为 safetensors，并附上完整的元数据</translation>
    </message>
    <message>
        <source>Export Predictio&amp;ns…</source>
        <translation>导出预测值(&amp;Y)…</translation>
    </message>
    <message>
        <source>Save the shown run&apos;s predictions of every part as CSV</source>
        <translation>把当前显示的运行在各部分上的预测值保存为 CSV</translation>
    </message>
    <message>
        <source>Export &amp;Forecast…</source>
        <translation>导出未来预测(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the predictions and a forecast past the data&apos;s end, with its prediction interval, as CSV</source>
        <translation>把预测值以及数据末尾之后的未来预测（含预测区间）保存为 CSV</translation>
    </message>
    <message>
        <source>Export Py&amp;Torch Script…</source>
        <translation>导出 PyTorch 脚本(&amp;T)…</translation>
    </message>
    <message>
        <source>Save a standalone Python script (numpy + torch) and the model it loads</source>
        <translation>保存一个独立的 Python 脚本（numpy + torch）及其加载的模型</translation>
    </message>
    <message>
        <source>Re-run and &amp;Verify</source>
        <translation>重新运行并验证(&amp;V)</translation>
    </message>
    <message>
        <source>Train the shown run&apos;s configuration again on its data and check that the loss curve is identical</source>
        <translation>在同样的数据上按当前显示的运行的配置再训练一次，并检查损失曲线是否完全相同</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>回测(&amp;B)…</translation>
    </message>
    <message>
        <source>Evaluate these hyperparameters from several rolling origins over the test part, with or without retraining at each</source>
        <translation>从测试集上的多个滚动起点评估这组超参数，可选择是否在每个起点重新训练</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>超参数扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>Train every combination of up to two hyperparameters&apos; values, in parallel</source>
        <translation>并行训练最多两个超参数取值的所有组合</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit RNN Workbench</source>
        <translation>退出 RNN Workbench</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train a new network with these hyperparameters</source>
        <translation>用这组超参数训练一个新网络</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume the training after the current epoch</source>
        <translation>在当前这一轮结束后暂停或继续训练</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Stop the training now; the run is kept as it stands</source>
        <translation>立即停止训练；这次运行按当前状态保留</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Train one epoch, then wait</source>
        <translation>训练一轮，然后等待</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Go to the Data panel</source>
        <translation>转到“数据”面板</translation>
    </message>
    <message>
        <source>&amp;Hyperparameters</source>
        <translation>超参数(&amp;H)</translation>
    </message>
    <message>
        <source>Go to the Hyperparameters panel</source>
        <translation>转到“超参数”面板</translation>
    </message>
    <message>
        <source>T&amp;raining</source>
        <translation>训练(&amp;R)</translation>
    </message>
    <message>
        <source>Go to the Training panel</source>
        <translation>转到“训练”面板</translation>
    </message>
    <message>
        <source>R&amp;esults</source>
        <translation>结果(&amp;E)</translation>
    </message>
    <message>
        <source>Go to the Results panel</source>
        <translation>转到“结果”面板</translation>
    </message>
    <message>
        <source>&amp;Inside the Network</source>
        <translation>网络内部(&amp;I)</translation>
    </message>
    <message>
        <source>Go to the teaching views: architecture, cell, heatmaps, gradient flow</source>
        <translation>转到教学视图：网络结构、单元、热力图、梯度流</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>Put every panel back in its place</source>
        <translation>把每个面板放回原来的位置</translation>
    </message>
    <message>
        <source>&amp;About RNN Workbench</source>
        <translation>关于 RNN Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>Version and credits</source>
        <translation>版本与致谢</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Test part:</source>
        <translation>测试集：</translation>
    </message>
    <message>
        <source>&amp;One step (open loop)</source>
        <translation>单步（开环）(&amp;O)</translation>
    </message>
    <message>
        <source>Each test prediction uses the real values before it: how good the model is one step ahead.</source>
        <translation>每个测试预测都使用它之前的真实值：显示模型向前预测一步的效果。</translation>
    </message>
    <message>
        <source>&amp;Closed loop (own predictions fed back)</source>
        <translation>闭环（回馈自身的预测）(&amp;C)</translation>
    </message>
    <message>
        <source>From the start of the test part the model sees only its own earlier predictions: how far ahead it can see before its errors pile up.</source>
        <translation>从测试集开头起，模型只能看到自己先前的预测：显示在误差累积起来之前它能预测多远。</translation>
    </message>
    <message>
        <source>Forecast horizon</source>
        <translation>预测步数</translation>
    </message>
    <message>
        <source>How many steps past the end of the data to forecast (closed loop: each step feeds the next). 0 turns the forecast off.</source>
        <translation>在数据末尾之后预测多少步（闭环：每一步的预测作为下一步的输入）。0 表示关闭未来预测。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>区间(&amp;I)：</translation>
    </message>
    <message>
        <source>Prediction interval coverage</source>
        <translation>预测区间覆盖率</translation>
    </message>
    <message>
        <source>The share of future values the band should hold, judged from how far off the model&apos;s closed-loop forecasts were on the validation and test parts at each step ahead.</source>
        <translation>预测带应当包含的未来值比例，依据模型的闭环预测在验证集和测试集上向前每一步的偏差来估计。</translation>
    </message>
    <message>
        <source>Forecast chart</source>
        <translation>预测图</translation>
    </message>
    <message>
        <source>The real series with the model&apos;s fit on the training part and its one-step predictions on the validation and test parts. Drag to pan, wheel to zoom, double-click to fit.</source>
        <translation>真实序列，以及模型在训练集上的拟合和在验证集、测试集上的单步预测。拖动可平移，滚轮可缩放，双击可显示全部。</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>运行记录(&amp;U)</translation>
    </message>
    <message>
        <source>Runs of this session</source>
        <translation>本次会话的运行记录</translation>
    </message>
    <message>
        <source>Every finished run of this session. Select one to show its forecast, metrics and loss curves; select several (Ctrl or Shift) to overlay their predictions and loss curves and compare them against the baselines.</source>
        <translation>本次会话中每次完成的运行。选中一个可显示它的预测、指标和损失曲线；选中多个（按住 Ctrl 或 Shift）可叠加显示它们的预测和损失曲线，并与基线比较。</translation>
    </message>
    <message>
        <source>vs &amp;baselines</source>
        <translation>对比基线(&amp;B)</translation>
    </message>
    <message>
        <source>Test RMSE against the baselines</source>
        <translation>测试 RMSE 与基线对比</translation>
    </message>
    <message>
        <source>Test RMSE of the network next to the naive, seasonal-naive, drift and linear-AR forecasts of the same targets; select several runs in the list to compare them.</source>
        <translation>网络的测试 RMSE，旁边是朴素预测、季节朴素预测、漂移法和线性自回归对同样目标值的结果；在列表中选中多次运行即可比较它们。</translation>
    </message>
    <message>
        <source>&amp;Residuals</source>
        <translation>残差(&amp;R)</translation>
    </message>
    <message>
        <source>Test residuals over time</source>
        <translation>测试残差随时间的变化</translation>
    </message>
    <message>
        <source>Actual minus predicted value of each test target. Points scattered evenly around zero are what a good model leaves; a run of points on one side is something it misses.</source>
        <translation>每个测试目标值的实际值减去预测值。好的模型留下的点均匀地散布在零的两侧；连续一串点偏在一侧，说明模型漏掉了某种规律。</translation>
    </message>
    <message>
        <source>Histogram of the test residuals</source>
        <translation>测试残差的直方图</translation>
    </message>
    <message>
        <source>How often the test residuals fall in each range. Centred on zero: no bias; narrow: small errors.</source>
        <translation>测试残差落在各区间的频数。以零为中心：没有偏差；分布窄：误差小。</translation>
    </message>
    <message>
        <source>Test predictions one step ahead (open loop)</source>
        <translation>测试集上向前一步的预测（开环）</translation>
    </message>
    <message>
        <source>Test predictions from the model&apos;s own output (closed loop)</source>
        <translation>测试集上基于模型自身输出的预测（闭环）</translation>
    </message>
    <message>
        <source>Forec&amp;ast:</source>
        <translation>未来预测(&amp;A)：</translation>
    </message>
    <message>
        <source>Runs and result charts</source>
        <translation>运行记录与结果图表</translation>
    </message>
    <message>
        <source>Histogra&amp;m</source>
        <translation>直方图(&amp;M)</translation>
    </message>
    <message>
        <source>Metr&amp;ics in the data&apos;s units: the network, then baselines on the same test targets</source>
        <translation>指标(&amp;I)（数据本身的单位）：先是网络，然后是各基线在同样测试目标值上的结果</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <source>Hyperparameter sweep</source>
        <translation>超参数扫描</translation>
    </message>
    <message>
        <source>&amp;First parameter:</source>
        <translation>第一个参数(&amp;F)：</translation>
    </message>
    <message>
        <source>The hyperparameter to vary. Every other one keeps the value set in the Hyperparameters panel.</source>
        <translation>要变化的超参数。其他超参数保持“超参数”面板中设定的值。</translation>
    </message>
    <message>
        <source>Its &amp;values:</source>
        <translation>取值(&amp;V)：</translation>
    </message>
    <message>
        <source>values, e.g. 16, 32, 64</source>
        <translation>取值，例如 16, 32, 64</translation>
    </message>
    <message>
        <source>The values to try, separated by commas or spaces, written as on the rnnwb command line (numbers, or names such as lstm gru).</source>
        <translation>要尝试的取值，用逗号或空格分隔，写法与 rnnwb 命令行相同（数字，或 lstm gru 这样的名称）。</translation>
    </message>
    <message>
        <source>&amp;Second parameter:</source>
        <translation>第二个参数(&amp;S)：</translation>
    </message>
    <message>
        <source>Optional: a second hyperparameter; every value of the first is combined with every value of the second.</source>
        <translation>可选：第二个超参数；第一个参数的每个取值都与第二个参数的每个取值组合。</translation>
    </message>
    <message>
        <source>Its v&amp;alues:</source>
        <translation>取值(&amp;A)：</translation>
    </message>
    <message>
        <source>values, e.g. 0.01 0.001</source>
        <translation>取值，例如 0.01 0.001</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <source>Runs that could not train</source>
        <translation>未能训练的运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stops every run at once: the running ones end after their current step and are kept; the queued ones are dropped.</source>
        <translation>立即停止所有运行：正在进行的在当前这一步结束后停止并保留；排队中的被丢弃。</translation>
    </message>
    <message>
        <source>First parameter</source>
        <translation>第一个参数</translation>
    </message>
    <message>
        <source>Values of the first parameter</source>
        <translation>第一个参数的取值</translation>
    </message>
    <message>
        <source>Second parameter</source>
        <translation>第二个参数</translation>
    </message>
    <message>
        <source>Values of the second parameter</source>
        <translation>第二个参数的取值</translation>
    </message>
    <message>
        <source>The values of the second parameter, written like the first one&apos;s; leave empty for a one-parameter sweep.</source>
        <translation>第二个参数的取值，写法与第一个参数相同；只扫描一个参数时留空。</translation>
    </message>
    <message>
        <source>Sweep progress</source>
        <translation>扫描进度</translation>
    </message>
    <message>
        <source>Start the sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <source>Train every combination of the values, one run per core at a time; each finished run joins the run list.</source>
        <translation>训练取值的每种组合，每个 CPU 核心同时进行一次运行；每次完成的运行都会加入运行记录列表。</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>开始(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the sweep</source>
        <translation>停止扫描</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>How fast to train. Slow it down to watch a short training unfold epoch by epoch; the result is the same at every speed.</source>
        <translation>训练的快慢。放慢速度可以一轮一轮地观察一次短训练的过程；无论什么速度，结果都一样。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: late, small improvements stay visible.</source>
        <translation>在对数坐标轴上显示损失：后期微小的改进也看得见。</translation>
    </message>
    <message>
        <source>Fit view</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Show all of the curves again after zooming or panning (or double-click the chart).</source>
        <translation>缩放或平移之后重新显示所有曲线（或双击图表）。</translation>
    </message>
    <message>
        <source>Loss chart</source>
        <translation>损失图</translation>
    </message>
    <message>
        <source>Training and validation loss (mean squared error on the scaled data) per epoch. Drag to pan, wheel to zoom; when focused, +/- zoom, arrows pan, 0 fits.</source>
        <translation>每轮的训练损失和验证损失（缩放后数据上的均方误差）。拖动可平移，滚轮可缩放；获得焦点时，+/- 缩放，方向键平移，0 显示全部。</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>停止训练</translation>
    </message>
    <message>
        <source>Train one epoch</source>
        <translation>训练一轮</translation>
    </message>
    <message>
        <source>S&amp;peed:</source>
        <translation>速度(&amp;P)：</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>对数损失坐标轴</translation>
    </message>
    <message>
        <source>Fit the loss chart to its curves</source>
        <translation>让损失图适配全部曲线</translation>
    </message>
</context>
<context>
    <name>rnnwb::app</name>
    <message>
        <source>&amp;Airline passengers (monthly, 1949–1960)</source>
        <translation>航空乘客数（月度，1949–1960）(&amp;A)</translation>
    </message>
    <message>
        <source>Box &amp; Jenkins&apos; international airline passengers in thousands: trend and yearly season. The tutorial&apos;s dataset (144 values).</source>
        <translation>Box 和 Jenkins 的国际航空乘客数（千人）：有趋势和年度季节性。教程所用的数据集（144 个值）。</translation>
    </message>
    <message>
        <source>Monthly &amp;sunspots (1749–1983)</source>
        <translation>月均太阳黑子数（1749–1983）(&amp;S)</translation>
    </message>
    <message>
        <source>Mean monthly sunspot number: an irregular cycle of about 11 years (2820 values).</source>
        <translation>月平均太阳黑子数：周期约 11 年的不规则循环（2820 个值）。</translation>
    </message>
    <message>
        <source>Daily minimum &amp;temperatures (Melbourne, 1981–1990)</source>
        <translation>每日最低气温（墨尔本，1981–1990）(&amp;T)</translation>
    </message>
    <message>
        <source>Daily minimum temperature in °C: a noisy yearly cycle (3650 values).</source>
        <translation>每日最低气温（°C）：带噪声的年度循环（3650 个值）。</translation>
    </message>
    <message>
        <source>Sine + &amp;noise</source>
        <translation>正弦波 + 噪声(&amp;N)</translation>
    </message>
    <message>
        <source>A sine wave (period 25) with Gaussian noise of 0.1: any cell learns it; the noise is the floor of the loss.</source>
        <translation>周期为 25 的正弦波加上 0.1 的高斯噪声：任何单元都学得会；噪声就是损失的下限。</translation>
    </message>
    <message>
        <source>Generated: sine wave with period 25 plus noise (σ = 0.1). Every cell type should reach a test RMSE near 0.1, the noise level.</source>
        <translation>生成的序列：周期为 25 的正弦波加噪声（σ = 0.1）。每种单元的测试 RMSE 都应接近噪声水平 0.1。</translation>
    </message>
    <message>
        <source>&amp;Long memory (lag 24)</source>
        <translation>长期记忆（滞后 24）(&amp;L)</translation>
    </message>
    <message>
        <source>Each value is 0.9 × the value 24 steps back plus noise: nothing nearer helps to predict it.</source>
        <translation>每个值等于 24 步之前的值 × 0.9 再加噪声：更近的值对预测毫无帮助。</translation>
    </message>
    <message>
        <source>Generated: x(t) = 0.9·x(t−24) + noise, so only the value 24 steps back helps. Try the sequence layout, window 25, batch 16, 1 layer of 32 units, 200 epochs, and compare cells: the LSTM&apos;s training loss falls to about 0.005, the plain RNN&apos;s stays near 0.03 (its gradient fades over 24 steps).</source>
        <translation>生成的序列：x(t) = 0.9·x(t−24) + 噪声，所以只有 24 步之前的值有用。试试序列布局、窗口 25、批大小 16、1 层 32 个单元、200 轮，并比较不同单元：LSTM 的训练损失降到约 0.005，普通 RNN 的则停在 0.03 附近（它的梯度经过 24 步后已逐渐消失）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The LSTM cell.&lt;/b&gt; The cell state &lt;i&gt;c&lt;/i&gt; runs along the top like a conveyor belt. The &lt;b&gt;forget gate&lt;/b&gt; &lt;i&gt;f&lt;/i&gt; decides how much of it to keep, the &lt;b&gt;input gate&lt;/b&gt; &lt;i&gt;i&lt;/i&gt; how much of the new candidate &lt;i&gt;g&lt;/i&gt; to add, and the &lt;b&gt;output gate&lt;/b&gt; &lt;i&gt;o&lt;/i&gt; how much of tanh(&lt;i&gt;c&lt;/i&gt;) to show as the hidden state &lt;i&gt;h&lt;/i&gt;. A gate near 1 is open, near 0 closed. Move the time-step slider to watch the gates open and close over the window.</source>
        <translation>&lt;b&gt;LSTM 单元。&lt;/b&gt;单元状态 &lt;i&gt;c&lt;/i&gt; 像传送带一样沿顶部贯穿。&lt;b&gt;遗忘门&lt;/b&gt; &lt;i&gt;f&lt;/i&gt; 决定保留多少单元状态，&lt;b&gt;输入门&lt;/b&gt; &lt;i&gt;i&lt;/i&gt; 决定加入多少新的候选值 &lt;i&gt;g&lt;/i&gt;，&lt;b&gt;输出门&lt;/b&gt; &lt;i&gt;o&lt;/i&gt; 决定把多少 tanh(&lt;i&gt;c&lt;/i&gt;) 作为隐藏状态 &lt;i&gt;h&lt;/i&gt; 输出。门的值接近 1 表示打开，接近 0 表示关闭。拖动时间步滑块，观察各个门在窗口内如何开合。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The GRU cell.&lt;/b&gt; Two gates instead of the LSTM&apos;s three, and no separate cell state: the &lt;b&gt;update gate&lt;/b&gt; &lt;i&gt;z&lt;/i&gt; mixes the old hidden state with the candidate &lt;i&gt;n&lt;/i&gt; (h = (1 − z)·n + z·h&lt;sub&gt;t−1&lt;/sub&gt;), and the &lt;b&gt;reset gate&lt;/b&gt; &lt;i&gt;r&lt;/i&gt; decides how much of the old state the candidate may use. z near 1 means: keep the memory.</source>
        <translation>&lt;b&gt;GRU 单元。&lt;/b&gt;只有两个门（LSTM 有三个），也没有单独的单元状态：&lt;b&gt;更新门&lt;/b&gt; &lt;i&gt;z&lt;/i&gt; 把旧的隐藏状态与候选值 &lt;i&gt;n&lt;/i&gt; 混合（h = (1 − z)·n + z·h&lt;sub&gt;t−1&lt;/sub&gt;），&lt;b&gt;重置门&lt;/b&gt; &lt;i&gt;r&lt;/i&gt; 决定候选值可以使用多少旧状态。z 接近 1 表示：保留记忆。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The plain (Elman) RNN cell.&lt;/b&gt; One equation: h&lt;sub&gt;t&lt;/sub&gt; = tanh(U·x&lt;sub&gt;t&lt;/sub&gt; + W·h&lt;sub&gt;t−1&lt;/sub&gt; + b). Every step squeezes the old state through W and tanh, which is why it forgets quickly: compare its gradient flow with the LSTM&apos;s.</source>
        <translation>&lt;b&gt;普通（Elman）RNN 单元。&lt;/b&gt;只有一个公式：h&lt;sub&gt;t&lt;/sub&gt; = tanh(U·x&lt;sub&gt;t&lt;/sub&gt; + W·h&lt;sub&gt;t−1&lt;/sub&gt; + b)。每一步都把旧状态挤过 W 和 tanh，所以它遗忘得很快：把它的梯度流与 LSTM 的比较一下。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network, folded and unrolled.&lt;/b&gt; The input &lt;i&gt;X&lt;/i&gt; enters the hidden layer &lt;i&gt;S&lt;/i&gt; through the weights &lt;i&gt;U&lt;/i&gt;; &lt;i&gt;S&lt;/i&gt; feeds itself at the next time step through &lt;i&gt;W&lt;/i&gt; (the loop); the output &lt;i&gt;O&lt;/i&gt; reads &lt;i&gt;S&lt;/i&gt; through &lt;i&gt;V&lt;/i&gt;. Unrolled, the same U, W and V are used at every step: the network is one layer copied along time. The shapes on the arrows change as you change the hyperparameters.</source>
        <translation>&lt;b&gt;折叠与展开的网络。&lt;/b&gt;输入 &lt;i&gt;X&lt;/i&gt; 经权重 &lt;i&gt;U&lt;/i&gt; 进入隐藏层 &lt;i&gt;S&lt;/i&gt;；&lt;i&gt;S&lt;/i&gt; 经 &lt;i&gt;W&lt;/i&gt; 在下一个时间步输入给自己（循环）；输出 &lt;i&gt;O&lt;/i&gt; 经 &lt;i&gt;V&lt;/i&gt; 读取 &lt;i&gt;S&lt;/i&gt;。按时间展开后，每个时间步都使用同样的 U、W 和 V：网络就是沿时间复制的同一层。箭头上的形状会随超参数的改变而改变。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inside the network.&lt;/b&gt; Each map is one quantity of one layer: time steps across, hidden units down, for the prediction you chose (click a point of the Results chart). Bright bands show units that respond to the same moments of the series; hover for the numbers, click a column to see that step in the cell view.</source>
        <translation>&lt;b&gt;网络内部。&lt;/b&gt;每张热力图是某一层的一个量，针对你选中的那个预测（在“结果”图中点击一个点）：横向是时间步，纵向是隐藏单元。明亮的条带表示对序列中同样时刻有反应的单元；鼠标悬停可看数值，点击一列可在单元视图中查看那个时间步。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient flow.&lt;/b&gt; How strongly the error of a prediction reaches back to each earlier step: the size of ∂Loss/∂h&lt;sub&gt;t&lt;/sub&gt;. If it falls towards zero for early steps, the network cannot learn from them: the vanishing gradient. &lt;i&gt;Compare cells&lt;/i&gt; trains a plain RNN, a GRU and an LSTM on a series where only the value 24 steps back matters.</source>
        <translation>&lt;b&gt;梯度流。&lt;/b&gt;一个预测的误差能多强地传回到之前的每个时间步：即损失对隐藏状态的梯度 ∂Loss/∂h&lt;sub&gt;t&lt;/sub&gt; 的大小。如果它在较早的时间步上趋近于零，网络就无法从这些时间步学习：这就是梯度消失。&lt;i&gt;比较单元&lt;/i&gt;会在一个只有 24 步之前的值才起作用的序列上训练普通 RNN、GRU 和 LSTM。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The parameters.&lt;/b&gt; A histogram of every weight matrix and bias. At the start they are small random numbers; training moves them. Weights that grow very large or all collapse to zero are a sign that the learning rate or the scaling is wrong. Use Step to train one epoch at a time and watch them move.</source>
        <translation>&lt;b&gt;参数。&lt;/b&gt;每个权重矩阵和偏置的直方图。开始时它们是很小的随机数；训练会改变它们。权重变得非常大或全部缩到零，说明学习率或缩放方式有问题。用“单步”每次训练一轮，观察它们如何变化。</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>Elman RNN</source>
        <translation>Elman RNN</translation>
    </message>
    <message>
        <source>show a trained run first (a model opened from a file has no loss curve to compare)</source>
        <translation>请先显示一次训练过的运行（从文件打开的模型没有可比较的损失曲线）</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 re-trained as run %2: the loss curve is identical, bit for bit, over all %n epoch(s).</source>
        <translation>
            <numerusform>运行 %1 已重新训练为运行 %2：在全部 %n 轮中，损失曲线逐位完全相同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 re-trained as run %2: the loss curves differ from epoch %3 (%4 before, %5 now).</source>
        <translation>运行 %1 已重新训练为运行 %2：损失曲线从第 %3 轮起不同（之前为 %4，现在为 %5）。</translation>
    </message>
    <message>
        <source>Run %1 re-trained as run %2: the runs lasted %3 and %4 epochs (%5).</source>
        <translation>运行 %1 已重新训练为运行 %2：两次运行分别持续了 %3 轮和 %4 轮（%5）。</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::ArchitectureView</name>
    <message>
        <source>LSTM: G = 4 gate blocks (i, f, g, o)</source>
        <translation>LSTM：G = 4 个门块（i, f, g, o）</translation>
    </message>
    <message>
        <source>GRU: G = 3 gate blocks (r, z, n)</source>
        <translation>GRU：G = 3 个门块（r, z, n）</translation>
    </message>
    <message>
        <source>Elman RNN: G = 1 (tanh)</source>
        <translation>Elman RNN：G = 1（tanh）</translation>
    </message>
    <message>
        <source>U = weight_ih (input → hidden), W = weight_hh (hidden at t−1 → hidden at t, the same matrix at every step), V = the linear head (hidden → output). Each layer also adds bias_ih and bias_hh, %1 values each.</source>
        <translation>U = weight_ih（输入 → 隐藏层），W = weight_hh（t−1 时刻的隐藏层 → t 时刻的隐藏层，每个时间步都是同一个矩阵），V = 线性输出头（隐藏层 → 输出）。每层还有 bias_ih 和 bias_hh，各 %1 个值。</translation>
    </message>
    <message>
        <source>Features layout: the window&apos;s %1 values enter as %1 input features at each step; time runs across samples (the series), with a prediction at every step.</source>
        <translation>特征布局：窗口中的 %1 个值在每个时间步作为 %1 个输入特征进入网络；时间沿样本（即序列）推进，每个时间步都有一个预测。</translation>
    </message>
    <message>
        <source>Sequence layout: time runs across the window: one value per step (%1 steps), prediction from the last step.</source>
        <translation>序列布局：时间沿窗口推进：每个时间步一个值（共 %1 步），由最后一步给出预测。</translation>
    </message>
    <message>
        <source>Folded: X —U→ S —V→ O, with W carrying S from one step to the next</source>
        <translation>折叠：X —U→ S —V→ O，W 把 S 从一个时间步带到下一个时间步</translation>
    </message>
    <message>
        <source>I = 1 value</source>
        <translation>I = 1 个值</translation>
    </message>
    <message>
        <source>I = %1 values</source>
        <translation>I = %1 个值</translation>
    </message>
    <message>
        <source>h, c: H = %1</source>
        <translation>h, c：H = %1</translation>
    </message>
    <message>
        <source>h: H = %1</source>
        <translation>h：H = %1</translation>
    </message>
    <message>
        <source>the prediction</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>V = linear.weight (head)</source>
        <translation>V = linear.weight（输出头）</translation>
    </message>
    <message>
        <source>input x
(1 value)</source>
        <translation>输入 x
（1 个值）</translation>
    </message>
    <message>
        <source>input x
(%1 values)</source>
        <translation>输入 x
（%1 个值）</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Unrolled over time: every step reuses the same U, W and V</source>
        <translation>按时间展开：每个时间步都重复使用同样的 U、W 和 V</translation>
    </message>
    <message>
        <source>time → samples 1 … n of the series, one window each</source>
        <translation>时间 → 序列的样本 1 … n，每个样本一个窗口</translation>
    </message>
    <message>
        <source>time → steps 1 … %1 of the window</source>
        <translation>时间 → 窗口的第 1 … %1 步</translation>
    </message>
    <message>
        <source>Architecture of the network</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Inputs per step I = %1 · hidden units H = %2 · layers L = %3</source>
        <translation>每步输入数 I = %1 · 隐藏单元数 H = %2 · 层数 L = %3</translation>
    </message>
    <message>
        <source>Parameters in all: %1</source>
        <translation>参数总数：%1</translation>
    </message>
    <message>
        <source>output O
(every step)</source>
        <translation>输出 O
（每个时间步）</translation>
    </message>
    <message>
        <source>output O
(last step)</source>
        <translation>输出 O
（最后一个时间步）</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::BacktestDialog</name>
    <message>
        <source>Origin</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标值数</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>MAPE %</source>
        <translation>MAPE %</translation>
    </message>
    <message>
        <source>sMAPE %</source>
        <translation>sMAPE %</translation>
    </message>
    <message>
        <source>MASE</source>
        <translation>MASE</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Cannot backtest: %1</source>
        <translation>无法回测：%1</translation>
    </message>
    <message>
        <source>Training a network for each origin…</source>
        <translation>正在为每个起点训练一个网络…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>The backtest failed: %1</source>
        <translation>回测失败：%1</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>pooled</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 origins.</source>
        <translation>在 %2 个起点中完成 %1 个后停止。</translation>
    </message>
    <message>
        <source>%1 origins, %2: mean test RMSE %3, pooled %4.</source>
        <translation>%1 个起点，%2：平均测试 RMSE %3，合并计算 %4。</translation>
    </message>
    <message>
        <source>retrained at each origin</source>
        <translation>在每个起点重新训练</translation>
    </message>
    <message>
        <source>one trained network</source>
        <translation>只训练一个网络</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::CellComparison</name>
    <message>
        <source>long memory (lag 24)</source>
        <translation>长期记忆（滞后 24）</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::CellView</name>
    <message>
        <source>forget gate</source>
        <translation>遗忘门</translation>
    </message>
    <message>
        <source>input gate</source>
        <translation>输入门</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选值</translation>
    </message>
    <message>
        <source>output gate</source>
        <translation>输出门</translation>
    </message>
    <message>
        <source>cell state</source>
        <translation>单元状态</translation>
    </message>
    <message>
        <source>update gate</source>
        <translation>更新门</translation>
    </message>
    <message>
        <source>reset gate</source>
        <translation>重置门</translation>
    </message>
    <message>
        <source>hidden state</source>
        <translation>隐藏状态</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>One tanh layer: the new hidden state mixes the input (U = weight_ih) with the previous state (W = weight_hh).</source>
        <translation>只有一个 tanh 层：新的隐藏状态把输入（U = weight_ih）与上一时刻的状态（W = weight_hh）混合。</translation>
    </message>
    <message>
        <source>Recurrent cell with its gate values</source>
        <translation>循环单元及其门的值</translation>
    </message>
    <message>
        <source>%1 equations (PyTorch)</source>
        <translation>%1 公式（PyTorch）</translation>
    </message>
    <message>
        <source>%1 cell: no values yet (train a network or open a model to see them live)</source>
        <translation>%1 单元：还没有数值（训练一个网络或打开一个模型即可实时查看）</translation>
    </message>
    <message>
        <source>%1 cell · layer %2 of %3 · step t = %4 of %5 · prediction of series index %6</source>
        <translation>%1 单元 · 第 %2/%3 层 · 时间步 t = %4/%5 · 序列索引 %6 处的预测</translation>
    </message>
    <message>
        <source>σ gates: 0 … 1</source>
        <translation>σ 门：0 … 1</translation>
    </message>
    <message>
        <source>tanh, c and h: −1 … 0 … 1 (clamped)</source>
        <translation>tanh、c 和 h：−1 … 0 … 1（截断）</translation>
    </message>
    <message>
        <source>× W (weight_hh)</source>
        <translation>× W（weight_hh）</translation>
    </message>
    <message>
        <source>xₜ × U (weight_ih)</source>
        <translation>xₜ × U（weight_ih）</translation>
    </message>
    <message>
        <source>to the next step</source>
        <translation>传到下一时间步</translation>
    </message>
    <message>
        <source>up: to V (the head)
or the next layer</source>
        <translation>向上：传到 V（输出头）
或下一层</translation>
    </message>
    <message>
        <source>xₜ (× U)</source>
        <translation>xₜ（× U）</translation>
    </message>
    <message>
        <source>hₜ₋₁ (× W)</source>
        <translation>hₜ₋₁（× W）</translation>
    </message>
    <message>
        <source>W&lt;sub&gt;i·&lt;/sub&gt; are rows of U (weight_ih), W&lt;sub&gt;h·&lt;/sub&gt; rows of W (weight_hh); ⊙ multiplies unit by unit.</source>
        <translation>W&lt;sub&gt;i·&lt;/sub&gt; 是 U（weight_ih）中的行，W&lt;sub&gt;h·&lt;/sub&gt; 是 W（weight_hh）中的行；⊙ 表示逐单元相乘。</translation>
    </message>
    <message>
        <source>z mixes the old state with the candidate n; r chooses how much of h&lt;sub&gt;t−1&lt;/sub&gt; n sees.</source>
        <translation>z 把旧状态与候选值 n 混合；r 决定 n 能看到多少 h&lt;sub&gt;t−1&lt;/sub&gt;。</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::CsvTableModel</name>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>%1
(%2)</source>
        <translation>%1
（%2）</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::DataDocument</name>
    <message>
        <source>%1 (bundled)</source>
        <translation>%1（随附）</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::DataPanel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 rows, %3 columns</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 行，%3 列</translation>
    </message>
    <message>
        <source>; forecasting &lt;b&gt;%1&lt;/b&gt;: %2 values</source>
        <translation>；预测 &lt;b&gt;%1&lt;/b&gt;：%2 个值</translation>
    </message>
    <message>
        <source>, %1 to %2 (from column %3)</source>
        <translation>，%1 至 %2（来自列 %3）</translation>
    </message>
    <message numerus="yes">
        <source> — &lt;span style=&apos;color:#b05000&apos;&gt;%n import warning(s), see Warnings&lt;/span&gt;</source>
        <translation>
            <numerusform> — &lt;span style=&apos;color:#b05000&apos;&gt;%n 条导入警告，见“警告”&lt;/span&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rnnwb::app::GradientFlowChart</name>
    <message>
        <source>Gradient flow chart</source>
        <translation>梯度流图</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>time step t (the prediction is made at the last step)</source>
        <translation>时间步 t（预测在最后一步给出）</translation>
    </message>
    <message>
        <source>How much the loss changes when the hidden state at step t changes. If the curve falls steeply towards the early steps, the network can hardly learn from that far back: the gradient vanishes.</source>
        <translation>第 t 步的隐藏状态变化时，损失随之变化多少。如果曲线朝较早的时间步急剧下降，网络就很难从那么久以前的信息中学习：梯度消失了。</translation>
    </message>
    <message>
        <source>Gradient flow ‖∂L/∂h_t‖</source>
        <translation>梯度流 ‖∂L/∂h_t‖</translation>
    </message>
    <message>
        <source>Gradient flow ‖∂L/∂h_t‖: %1</source>
        <translation>梯度流 ‖∂L/∂h_t‖：%1</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖ (log scale)</source>
        <translation>‖∂L/∂h_t‖（对数刻度）</translation>
    </message>
    <message>
        <source>layer %1 (top)</source>
        <translation>第 %1 层（最上层）</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖ ÷ its value at the last step</source>
        <translation>‖∂L/∂h_t‖ ÷ 最后一步的值</translation>
    </message>
    <message>
        <source>Cells compared (top layer)</source>
        <translation>各单元对比（最上层）</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::InsideView</name>
    <message>
        <source>input gate i</source>
        <translation>输入门 i</translation>
    </message>
    <message>
        <source>forget gate f</source>
        <translation>遗忘门 f</translation>
    </message>
    <message>
        <source>candidate g (tanh)</source>
        <translation>候选值 g（tanh）</translation>
    </message>
    <message>
        <source>output gate o</source>
        <translation>输出门 o</translation>
    </message>
    <message>
        <source>cell state c</source>
        <translation>单元状态 c</translation>
    </message>
    <message>
        <source>hidden state h</source>
        <translation>隐藏状态 h</translation>
    </message>
    <message>
        <source>reset gate r</source>
        <translation>重置门 r</translation>
    </message>
    <message>
        <source>update gate z</source>
        <translation>更新门 z</translation>
    </message>
    <message>
        <source>candidate n (tanh)</source>
        <translation>候选值 n（tanh）</translation>
    </message>
    <message>
        <source>Inside the network for the chosen prediction: one column per time step, one row per hidden unit. Gates run from 0 (closed) to 1 (open); g, c and h are tanh values around 0.</source>
        <translation>所选预测在网络内部的情况：每列是一个时间步，每行是一个隐藏单元。门的值从 0（关闭）到 1（打开）；g、c 和 h 是在 0 附近的 tanh 值。</translation>
    </message>
    <message>
        <source>Layer shown</source>
        <translation>显示的层</translation>
    </message>
    <message>
        <source>Time step</source>
        <translation>时间步</translation>
    </message>
    <message>
        <source>step 888 of 888 (the prediction)</source>
        <translation>第 888/888 步（预测）</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>层(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>时间步(&amp;S)：</translation>
    </message>
    <message>
        <source>Train a model, then click a prediction on the Results chart to look inside it.</source>
        <translation>先训练一个模型，然后在“结果”图中点击一个预测，即可查看其内部。</translation>
    </message>
    <message>
        <source>Point at a cell to read its value; click a column to select that step.</source>
        <translation>指向一个格子可读取它的值；点击一列可选中那个时间步。</translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation>指针处的值</translation>
    </message>
    <message>
        <source>Layer %1 (top)</source>
        <translation>第 %1 层（最上层）</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Heatmaps of layer %1</source>
        <translation>第 %1 层的热力图</translation>
    </message>
    <message>
        <source>time step t (the last %1 of %2 steps)</source>
        <translation>时间步 t（%2 步中的最后 %1 步）</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>step %1 of %2 (the prediction)</source>
        <translation>第 %1/%2 步（预测）</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1/%2 步</translation>
    </message>
    <message>
        <source>%1 — step %2, unit %3: %4</source>
        <translation>%1 — 第 %2 步，单元 %3：%4</translation>
    </message>
    <message>
        <source>Selected time step</source>
        <translation>选中的时间步</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::LearningRateEdit</name>
    <message>
        <source>Learning rate (logarithmic slider)</source>
        <translation>学习率（对数滑块）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::LossChart</name>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>MSE (scaled data)</source>
        <translation>MSE（缩放后的数据）</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>每轮的损失</translation>
    </message>
    <message>
        <source>Train (F5) or Step (F10): the loss of each epoch appears here.</source>
        <translation>训练（F5）或单步（F10）：每轮的损失会显示在这里。</translation>
    </message>
    <message>
        <source>training loss (%1)</source>
        <translation>训练损失（%1）</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::MainWindow</name>
    <message>
        <source>RNN Workbench</source>
        <translation>RNN Workbench</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Inside the Network</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>%1 — RNN Workbench</source>
        <translation>%1 — RNN Workbench</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Inside the Network follows the prediction you clicked (Ctrl+5 shows it).</source>
        <translation>“网络内部”视图跟随你点击的预测（按 Ctrl+5 显示）。</translation>
    </message>
    <message>
        <source>Cannot open a file now</source>
        <translation>现在无法打开文件</translation>
    </message>
    <message>
        <source>Training is running: stop it first (Esc).</source>
        <translation>正在训练：请先停止训练（Esc）。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>No such column</source>
        <translation>没有这一列</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more problem(s): see the Hyperparameters panel)</source>
        <translation>
            <numerusform>（还有 %n 个问题：见“超参数”面板）</numerusform>
        </translation>
    </message>
    <message>
        <source>Train a new network with these hyperparameters</source>
        <translation>用这组超参数训练一个新网络</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <source>training is already running</source>
        <translation>训练已在进行中</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Training is running: stop it (Esc) to change the data.</source>
        <translation>正在训练：要更换数据请先停止训练（Esc）。</translation>
    </message>
    <message>
        <source>Training is running: stop it (Esc) to change the hyperparameters.</source>
        <translation>正在训练：要修改超参数请先停止训练（Esc）。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Step…</source>
        <translation>单步训练中…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Run %1 %2: test RMSE %3</source>
        <translation>运行 %1 %2：测试 RMSE %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Save Model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>run-%1.safetensors</source>
        <translation>run-%1.safetensors</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>%1.rnnwb</source>
        <translation>%1.rnnwb</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Cannot re-run</source>
        <translation>无法重新运行</translation>
    </message>
    <message>
        <source>RNN Workbench: %1 chart, run %2 on %3</source>
        <translation>RNN Workbench：%1 图表，运行 %2，数据 %3</translation>
    </message>
    <message>
        <source>RNN Workbench: %1 chart of %2</source>
        <translation>RNN Workbench：%2 的 %1 图表</translation>
    </message>
    <message>
        <source>no run is shown: train one or open a model first</source>
        <translation>没有显示任何运行：请先训练一次或打开一个模型</translation>
    </message>
    <message>
        <source>Saved the model of run %1 to %2</source>
        <translation>已把运行 %1 的模型保存到 %2</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>training is running: stop it first (Esc)</source>
        <translation>正在训练：请先停止训练（Esc）</translation>
    </message>
    <message>
        <source>Cannot use the model</source>
        <translation>无法使用该模型</translation>
    </message>
    <message>
        <source>Model %1 applied to %2: test RMSE %3</source>
        <translation>已把模型 %1 用于 %2：测试 RMSE %3</translation>
    </message>
    <message>
        <source>Saved the predictions to %1</source>
        <translation>已把预测值保存到 %1</translation>
    </message>
    <message>
        <source>Cannot export the predictions</source>
        <translation>无法导出预测值</translation>
    </message>
    <message>
        <source>Saved %1 and its model %2 (run: /usr/bin/python3 %1 --csv FILE --json -)</source>
        <translation>已保存 %1 及其模型 %2（运行方式：/usr/bin/python3 %1 --csv FILE --json -）</translation>
    </message>
    <message>
        <source>Cannot export the script</source>
        <translation>无法导出脚本</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>未来预测</translation>
    </message>
    <message>
        <source>Steps past the end of the data:</source>
        <translation>数据末尾之后的步数：</translation>
    </message>
    <message>
        <source>Prediction interval coverage (0–1):</source>
        <translation>预测区间覆盖率（0–1）：</translation>
    </message>
    <message>
        <source>run-%1-forecast.csv</source>
        <translation>run-%1-forecast.csv</translation>
    </message>
    <message>
        <source>run-%1-predictions.csv</source>
        <translation>run-%1-predictions.csv</translation>
    </message>
    <message>
        <source>Export Forecast</source>
        <translation>导出未来预测</translation>
    </message>
    <message>
        <source>Export Predictions</source>
        <translation>导出预测值</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export PyTorch Script</source>
        <translation>导出 PyTorch 脚本</translation>
    </message>
    <message>
        <source>run-%1.py</source>
        <translation>run-%1.py</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>;;All files (*)</source>
        <translation>;;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (generated)</source>
        <translation>%1（生成的）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开的文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Open CSV</source>
        <translation>打开 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Charts To</source>
        <translation>导出图表到</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already holds %2. Replace them?</source>
        <translation>%1 中已有 %2。要替换它们吗？</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) in %1</source>
        <translation>
            <numerusform>已在 %1 中保存 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Run Report</source>
        <translation>保存运行报告</translation>
    </message>
    <message>
        <source>/run-%1.json</source>
        <translation>/run-%1.json</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>无法保存报告</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>How the Network Is &amp;Built (Architecture)</source>
        <translation>网络如何构成（网络结构）(&amp;B)</translation>
    </message>
    <message>
        <source>How a &amp;Cell Works</source>
        <translation>单元如何工作(&amp;C)</translation>
    </message>
    <message>
        <source>What Happens &amp;Inside (Heatmaps)</source>
        <translation>网络内部发生了什么（热力图）(&amp;I)</translation>
    </message>
    <message>
        <source>Why Gradients &amp;Vanish (Gradient Flow)</source>
        <translation>梯度为什么会消失（梯度流）(&amp;V)</translation>
    </message>
    <message>
        <source>What the &amp;Parameters Look Like</source>
        <translation>参数是什么样子(&amp;P)</translation>
    </message>
    <message>
        <source>Open this teaching view with its explanation</source>
        <translation>打开这个教学视图及其说明</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>%1: a project refers to its data file, and %2 is generated: save it as CSV and open that file</source>
        <translation>%1：项目引用的是它的数据文件，而 %2 是生成的：请把它保存为 CSV，再打开那个文件</translation>
    </message>
    <message numerus="yes">
        <source>Saved the project %1 with %n run(s)</source>
        <translation>
            <numerusform>已保存项目 %1，含 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n run(s) made on other data not included)</source>
        <translation>
            <numerusform>（未包含在其他数据上进行的 %n 次运行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message numerus="yes">
        <source>%1: its dataset %2 is missing or unreadable; the hyperparameters are restored, the %n run(s) are not</source>
        <translation>
            <numerusform>%1：它的数据集 %2 缺失或无法读取；已恢复超参数，但没有恢复 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Project dataset missing</source>
        <translation>项目的数据集缺失</translation>
    </message>
    <message>
        <source>%1 has changed since the project was saved (its SHA-256 differs): the runs are evaluated on the file as it is now, and their results may differ</source>
        <translation>%1 在项目保存之后已被修改（SHA-256 不同）：各次运行将按文件当前的内容评估，结果可能与原来不同</translation>
    </message>
    <message>
        <source>it predicts the column &apos;%1&apos;, not the one shown</source>
        <translation>它预测的是列“%1”，不是当前显示的列</translation>
    </message>
    <message>
        <source>run %1 of the project was not restored: %2</source>
        <translation>项目中的运行 %1 没有恢复：%2</translation>
    </message>
    <message>
        <source>Project opened with warnings</source>
        <translation>项目已打开，但有警告</translation>
    </message>
    <message numerus="yes">
        <source>Opened the project %1: %n run(s)</source>
        <translation>
            <numerusform>已打开项目 %1：%n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (re-run of run %2)</source>
        <translation>%1（运行 %2 的重新运行）</translation>
    </message>
    <message>
        <source>Re-run and Verify</source>
        <translation>重新运行并验证</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::ParameterHistograms</name>
    <message>
        <source>Parameter tensor</source>
        <translation>参数张量</translation>
    </message>
    <message>
        <source>&amp;Tensor:</source>
        <translation>张量(&amp;T)：</translation>
    </message>
    <message>
        <source>Statistics of the tensor</source>
        <translation>张量的统计量</translation>
    </message>
    <message>
        <source>Histogram of the tensor&apos;s values</source>
        <translation>张量取值的直方图</translation>
    </message>
    <message>
        <source>Parameter values</source>
        <translation>参数值</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>How the values of one weight tensor are spread. Training moves them away from their random start; a few very large weights can make the network unstable.</source>
        <translation>一个权重张量的取值如何分布。训练会让它们离开随机的初始值；少数非常大的权重会让网络不稳定。</translation>
    </message>
    <message>
        <source>No model yet: train or open one.</source>
        <translation>还没有模型：请训练或打开一个。</translation>
    </message>
    <message>
        <source>Values of %1 [%2]</source>
        <translation>%1 [%2] 的取值</translation>
    </message>
    <message>
        <source>%1 values · mean %2 · std %3 · min %4 · max %5</source>
        <translation>%1 个值 · 均值 %2 · 标准差 %3 · 最小值 %4 · 最大值 %5</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::RecentFiles</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::ResidualCharts</name>
    <message>
        <source>Test residuals (actual − prediction)</source>
        <translation>测试残差（实际值 − 预测值）</translation>
    </message>
    <message>
        <source>Distribution of the test residuals</source>
        <translation>测试残差的分布</translation>
    </message>
    <message>
        <source>Residuals of the %1 predictions (actual − prediction)</source>
        <translation>%1预测的残差（实际值 − 预测值）</translation>
    </message>
    <message>
        <source>series index</source>
        <translation>序列索引</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标值数</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::ResultsPanel</name>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Not trained yet: press &lt;b&gt;Train&lt;/b&gt; (F5) to see the model&apos;s fit and forecast here.</source>
        <translation>尚未训练：按 &lt;b&gt;训练&lt;/b&gt;（F5）即可在这里看到模型的拟合与预测。</translation>
    </message>
    <message>
        <source>%1: forecast</source>
        <translation>%1：预测</translation>
    </message>
    <message>
        <source>%1: forecast (training…)</source>
        <translation>%1：预测（训练中…）</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>训练：%1</translation>
    </message>
    <message>
        <source>No run yet: press &lt;b&gt;Train&lt;/b&gt; (F5) to see the model&apos;s fit and forecast here.</source>
        <translation>还没有运行：按 &lt;b&gt;训练&lt;/b&gt;（F5）即可在这里看到模型的拟合与预测。</translation>
    </message>
    <message>
        <source>%1: forecast of run %2</source>
        <translation>%1：运行 %2 的预测</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Run %1&lt;/b&gt; on %2: %3 — %4 after %n epoch(s), %5 s</source>
        <translation>
            <numerusform>&lt;b&gt;运行 %1&lt;/b&gt;，数据 %2：%3 — %n 轮后%4，%5 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;No forecast: %1</source>
        <translation>&lt;br&gt;没有未来预测：%1</translation>
    </message>
    <message>
        <source>prediction (test, closed loop)</source>
        <translation>预测（测试集，闭环）</translation>
    </message>
    <message>
        <source>prediction (test, one step)</source>
        <translation>预测（测试集，单步）</translation>
    </message>
    <message>
        <source>closed-loop test</source>
        <translation>闭环测试</translation>
    </message>
    <message>
        <source>one-step test</source>
        <translation>单步测试</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::RmseChart</name>
    <message>
        <source>Test RMSE: network vs baselines (data units)</source>
        <translation>测试 RMSE：网络与基线对比（数据单位）</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>naive</source>
        <translation>朴素</translation>
    </message>
    <message>
        <source>seasonal</source>
        <translation>季节朴素</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>AR</source>
        <translation>自回归</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::RunListModel</name>
    <message>
        <source>%1 %2×%3, window %4, %5 layout, %6 lr %7</source>
        <translation>%1 %2×%3，窗口 %4，%5 布局，%6 学习率 %7</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>已早停</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>已被用户停止</translation>
    </message>
    <message>
        <source>Run %1 on %2: %3</source>
        <translation>运行 %1，数据 %2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>LR</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <source>Train RMSE</source>
        <translation>训练 RMSE</translation>
    </message>
    <message>
        <source>Val. RMSE</source>
        <translation>验证 RMSE</translation>
    </message>
    <message>
        <source>Test RMSE</source>
        <translation>测试 RMSE</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::ScriptRunner</name>
    <message>
        <source>cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <source>training diverged (the loss became infinite or NaN) after %1 epochs; the last finite weights were kept. Try a smaller --lr or --clip.</source>
        <translation>训练在 %1 轮后发散（损失变为无穷大或 NaN）；已保留最后一组有限的权重。请尝试更小的 --lr 或使用 --clip。</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::SeriesPlot</name>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>fit (training)</source>
        <translation>拟合（训练集）</translation>
    </message>
    <message>
        <source>prediction (%1)</source>
        <translation>预测（%1）</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>未来预测</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>%1% interval</source>
        <translation>%1% 区间</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::SweepDialog</name>
    <message>
        <source>Every combination of the values trains once, %1 at a time, with the other hyperparameters as they are set now. Each run lands in the run list.</source>
        <translation>取值的每种组合各训练一次，每次同时进行 %1 个，其他超参数保持当前设定。每次运行都会加入运行记录列表。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training %n run(s)…</source>
        <translation>
            <numerusform>正在训练 %n 次运行…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source> %n could not train (see below).</source>
        <translation>
            <numerusform> %n 次未能训练（见下方）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n run(s).</source>
        <translation>
            <numerusform>完成：%n 次运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 runs done.</source>
        <translation>已停止：%2 次运行中完成了 %1 次。</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::TeachingPanel</name>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Inside (heatmaps)</source>
        <translation>内部（热力图）</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Explanation of the view</source>
        <translation>视图说明</translation>
    </message>
    <message>
        <source>Training RNN, GRU and LSTM on the long-memory series: %1 of %2 done…</source>
        <translation>正在长期记忆序列上训练 RNN、GRU 和 LSTM：已完成 %1/%2…</translation>
    </message>
    <message>
        <source>A comparison run failed: %1</source>
        <translation>一次对比运行失败：%1</translation>
    </message>
    <message>
        <source>Series index of the prediction to look inside</source>
        <translation>要查看内部的预测在序列中的索引</translation>
    </message>
    <message>
        <source>The series index whose prediction the views follow. Click a point of the Results chart to choose it there.</source>
        <translation>各视图所跟随的预测在序列中的索引。也可以在“结果”图中点击一个点来选择。</translation>
    </message>
    <message>
        <source>&amp;Prediction of index:</source>
        <translation>预测的索引(&amp;P)：</translation>
    </message>
    <message>
        <source>Layer shown in the cell view</source>
        <translation>单元视图中显示的层</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>层(&amp;L)：</translation>
    </message>
    <message>
        <source>Time step shown in the cell view</source>
        <translation>单元视图中显示的时间步</translation>
    </message>
    <message>
        <source>&amp;Time step:</source>
        <translation>时间步(&amp;T)：</translation>
    </message>
    <message>
        <source> epoch(s)</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Refresh the views during training every N epochs</source>
        <translation>训练期间每 N 轮刷新一次视图</translation>
    </message>
    <message>
        <source>During training the views follow the weights at most every N epochs (and at most as often as the live predictions are drawn). Step always refreshes them.</source>
        <translation>训练期间，视图最多每 N 轮跟随权重更新一次（且不比实时预测的绘制更频繁）。“单步”总会刷新它们。</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>刷新间隔(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Folded (X → S → O with the loop W)</source>
        <translation>折叠（X → S → O，带循环 W）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Unrolled over the window</source>
        <translation>按窗口展开(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Compare cells: train RNN, GRU and LSTM</source>
        <translation>比较单元：训练 RNN、GRU 和 LSTM(&amp;C)</translation>
    </message>
    <message>
        <source>Trains a plain RNN, a GRU and an LSTM with your optimizer and learning rate on the long-memory teaching series (sequence layout, window 25, 1 layer of 32 units, 200 epochs) and shows their gradient flow side by side.</source>
        <translation>用你的优化器和学习率，在长期记忆教学序列上训练普通 RNN、GRU 和 LSTM（序列布局，窗口 25，1 层 32 个单元，200 轮），并把它们的梯度流并排显示。</translation>
    </message>
    <message>
        <source>epoch %1 of the training</source>
        <translation>训练的第 %1 轮</translation>
    </message>
    <message>
        <source>Cannot look inside %1: %2</source>
        <translation>无法查看 %1 的内部：%2</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>t = %1 / %2</source>
        <translation>t = %1 / %2</translation>
    </message>
    <message>
        <source>Stop the &amp;comparison</source>
        <translation>停止比较(&amp;C)</translation>
    </message>
    <message>
        <source>Training RNN, GRU and LSTM on the long-memory series…</source>
        <translation>正在长期记忆序列上训练 RNN、GRU 和 LSTM…</translation>
    </message>
    <message>
        <source>%1: training loss %2, test RMSE %3, gradient at step 1 = %4 × the last step&apos;s</source>
        <translation>%1：训练损失 %2，测试 RMSE %3，第 1 步的梯度 = 最后一步的 %4 倍</translation>
    </message>
    <message>
        <source>training part</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation part</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>test part</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Train a network (or open a model) to see inside it</source>
        <translation>训练一个网络（或打开一个模型）即可查看其内部</translation>
    </message>
    <message>
        <source>Show the folded network</source>
        <translation>显示折叠的网络</translation>
    </message>
    <message>
        <source>Show the network unrolled over the window</source>
        <translation>显示按窗口展开的网络</translation>
    </message>
    <message>
        <source>Compare the RNN, GRU and LSTM cells</source>
        <translation>比较 RNN、GRU 和 LSTM 单元</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · index %2 (%3): predicted %4, actual %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 索引 %2（%3）：预测值 %4，实际值 %5</translation>
    </message>
    <message>
        <source>%1 cells, looking inside the prediction of series index %2</source>
        <translation>%1 单元，查看序列索引 %2 处的预测内部</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::TrainingPanel</name>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 轮/秒</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::TrainingStatus</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>epoch 0/%1</source>
        <translation>第 0/%1 轮</translation>
    </message>
    <message>
        <source>epoch %1/%2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source> (validation %1)</source>
        <translation>（验证 %1）</translation>
    </message>
    <message>
        <source>elapsed %1, ETA %2</source>
        <translation>已用 %1，预计还需 %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>0 秒</translation>
    </message>
</context>
<context>
    <name>rnnwb::app::TrainingWorker</name>
    <message>
        <source>training failed with an unknown error</source>
        <translation>训练因未知错误而失败</translation>
    </message>
</context>
</TS>
