// The two pieces of SDEverywhere's runtime (@sdeverywhere/runtime, not installed) that its
// generated JavaScript needs, with the runtime's semantics (Vensim's, Euler only): the model
// functions (`fns.STEP`, `fns.LOOKUP`, …; its js-model-functions.ts) and the run loop (its
// runJsModel). Shared by the benchmark and the cross-engine tests, so both drive SDEverywhere alike.

/** A lookup table as the runtime reads it: flat at both ends, exact hits unchanged. */
class Lookup {
  constructor(n, data) {
    this.n = n;
    this.data = data;
  }

  value(input, mode, inverted = false) {
    const d = inverted ? this.data.map((_, i) => this.data[i % 2 === 0 ? i + 1 : i - 1]) : this.data;
    const max = this.n * 2;
    for (let xi = 0; xi < max; xi += 2) {
      const x = d[xi];
      if (x >= input) {
        if (xi === 0 || x === input) return d[xi + 1];
        if (mode === 'forward') return d[xi + 1];
        if (mode === 'backward') return d[xi - 1];
        const lastX = d[xi - 2];
        const lastY = d[xi - 1];
        return lastY + ((d[xi + 1] - lastY) / (x - lastX)) * (input - lastX);
      }
    }
    return d[max - 1];
  }
}

const NA = -Number.MAX_VALUE;

/** The model functions generated code calls as `fns.NAME`; `ctx` holds the time step and time. */
export function modelFunctions(ctx) {
  const pulse = (start, width) => {
    const t = ctx.currentTime + ctx.timeStep / 2;
    const w = width === 0 ? ctx.timeStep : width;
    return t > start && t < start + w ? 1 : 0;
  };
  return {
    setContext(context) {
      Object.assign(ctx, context);
    },
    ABS: Math.abs,
    ARCCOS: Math.acos,
    ARCSIN: Math.asin,
    ARCTAN: Math.atan,
    COS: Math.cos,
    EXP: Math.exp,
    GAME: (x) => x,
    INTEG: (value, rate) => value + rate * ctx.timeStep,
    INTEGER: Math.trunc,
    LN: Math.log,
    MAX: Math.max,
    MIN: Math.min,
    MODULO: (x, y) => x % y,
    POW: Math.pow,
    POWER: Math.pow,
    PULSE: pulse,
    PULSE_TRAIN(start, width, interval, end) {
      const n = Math.floor((end - start) / interval);
      for (let k = 0; k <= n; k++) if (ctx.currentTime <= end && pulse(start + k * interval, width)) return 1;
      return 0;
    },
    QUANTUM: (x, y) => (y <= 0 ? x : y * Math.trunc(x / y)),
    RAMP(slope, startTime, endTime) {
      const t = ctx.currentTime;
      if (t <= startTime) return 0;
      return t < endTime || startTime > endTime ? slope * (t - startTime) : slope * (endTime - startTime);
    },
    SIN: Math.sin,
    SQRT: Math.sqrt,
    STEP: (height, stepTime) => (ctx.currentTime + ctx.timeStep / 2 > stepTime ? height : 0),
    TAN: Math.tan,
    XIDZ: (a, b, x) => (Math.abs(b) < 1e-6 ? x : a / b),
    ZIDZ: (a, b) => (Math.abs(b) < 1e-6 ? 0 : a / b),
    createLookup: (size, data) => new Lookup(size, data),
    LOOKUP: (l, x) => (l ? l.value(x, 'interpolate') : NA),
    LOOKUP_FORWARD: (l, x) => (l ? l.value(x, 'forward') : NA),
    LOOKUP_BACKWARD: (l, x) => (l ? l.value(x, 'backward') : NA),
    LOOKUP_INVERT: (l, y) => (l ? l.value(y, 'interpolate', true) : NA),
    WITH_LOOKUP: (x, l) => (l ? l.value(x, 'interpolate') : NA),
    VECTOR_SORT_ORDER(vector, size, direction) {
      const order = vector.slice(0, size).map((x, ind) => ({ x, ind }));
      order.sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0) * (direction > 0 ? 1 : -1));
      return order.map((o) => o.ind);
    },
  };
}

/**
 * Runs a generated model as the runtime does: initConstants, initLevels, then evalAux, the
 * outputs passed one by one to the store that `storeFor(lastStep)` returns (so a caller can size
 * its buffer), evalLevels, and `time += dt` (accumulated, as the runtime does, not start + i·dt)
 * until the final time. `onStep` hears each step's time before its outputs. Returns the number
 * of the last step.
 */
export function runJsModel(model, storeFor, onStep) {
  const context = { timeStep: 0, currentTime: 0 };
  model.setModelFunctions(modelFunctions(context));
  const initial = model.getInitialTime();
  const final = model.getFinalTime();
  const dt = model.getTimeStep();
  context.timeStep = dt;
  let time = initial;
  model.setTime(time);
  context.currentTime = time;
  model.initConstants();
  model.initLevels();
  const lastStep = Math.round((final - initial) / dt);
  const store = storeFor(lastStep);
  for (let step = 0; ; step++) {
    model.evalAux();
    onStep?.(time);
    model.storeOutputs(store);
    if (step === lastStep) return lastStep;
    model.evalLevels();
    time += dt;
    model.setTime(time);
    context.currentTime = time;
  }
}
