#!/usr/bin/env python3
"""Brian2 reference for CircuitNeuro's event-driven LIF (used by LifBrian2ComparisonTests).

Usage: lif_reference.py '<json parameters>'   -> prints one JSON object on stdout.
Parameters (SI units): tau_m, v_rest, v_reset, v_th, r_m, t_ref, i_ext, duration, dt, sample_every,
and optionally input_times (list of s) with weight (V) for delta synapses.
Simulated with Brian2's numpy target (no C compiler needed) and the exact (linear) integrator.
"""
import json
import sys

import numpy as np
from brian2 import (NeuronGroup, Network, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses,
                    defaultclock, prefs, second, volt, amp, ohm)


def main() -> None:
    p = json.loads(sys.argv[1])
    prefs.codegen.target = 'numpy'
    defaultclock.dt = p['dt'] * second

    namespace = {
        'tau_m': p['tau_m'] * second, 'v_rest': p['v_rest'] * volt, 'v_reset': p['v_reset'] * volt,
        'v_th': p['v_th'] * volt, 'r_m': p['r_m'] * ohm, 'i_ext': p['i_ext'] * amp,
    }
    neuron = NeuronGroup(1, 'dv/dt = (-(v - v_rest) + r_m * i_ext) / tau_m : volt (unless refractory)',
                         threshold='v >= v_th', reset='v = v_reset', refractory=p['t_ref'] * second,
                         method='exact', namespace=namespace)
    neuron.v = p['v_rest'] * volt
    spikes = SpikeMonitor(neuron)
    every = int(p['sample_every'])
    trace = StateMonitor(neuron, 'v', record=[0], dt=every * p['dt'] * second)
    objects = [neuron, spikes, trace]

    times = p.get('input_times') or []
    if times:
        source = SpikeGeneratorGroup(1, np.zeros(len(times), dtype=int), np.array(times) * second)
        # Inputs arriving during the refractory period are dropped, as in the C# model.
        synapses = Synapses(source, neuron, on_pre='v_post += w * int(not_refractory_post)',
                            namespace={'w': p['weight'] * volt})
        synapses.connect()
        objects += [source, synapses]

    Network(*objects).run(p['duration'] * second, namespace=namespace)
    print(json.dumps({
        'spike_times': [float(t) for t in spikes.t / second],
        'sample_times': [float(t) for t in trace.t / second],
        'v': [float(v) for v in trace.v[0] / volt],
    }))


if __name__ == '__main__':
    main()
