* EKV 2.6 cards (LEVEL=44, CircuitNeuro's built-in engine) for generic 130 nm-node thick-oxide (5 V) devices run
* near threshold, standing in for the seed's ultra-low-leakage PDK (seed 000 L1458: V_TH ~ 0.6 V, nominal 5 V,
* used at 1.2 V), which is not public. Not a foundry card. Values, all documented textbook ranges:
*  COX = eps_ox/TOX with TOX = 12.5 nm (5 V gate oxide) -> 2.76e-3 F/m^2;
*  KP = mu_eff*COX with mu_eff ~ 400 (n) / 130 (p) cm^2/Vs -> 110u / 36u A/V^2;
*  VTO = +-0.6 V (seed), GAMMA 0.6/0.5 sqrt(V), PHI 0.8 V (N_A ~ 1e17 cm^-3), THETA 0.05 1/V, LAMBDA 0.05 1/V (L = 0.5 um);
*  TCV 1.2 mV/K and BEX -1.5/-1.2 (typical VTO tempco and mobility exponent, EKV 2.6 user guide defaults 1 mV/K, -1.5);
*  CGSO = CGDO = 0.3 nF/m overlap.
* ngspice (Debian 39) has no level 44: the same PCSA netlist runs there with bsim4_thick130.mod instead.
.model nthick nmos (level=44 vto=0.6 kp=110u gamma=0.6 phi=0.8 theta=0.05 lambda=0.05 cox=2.76m tcv=1.2m bex=-1.5 cgso=0.3n cgdo=0.3n)
.model pthick pmos (level=44 vto=-0.6 kp=36u gamma=0.5 phi=0.8 theta=0.05 lambda=0.05 cox=2.76m tcv=1.2m bex=-1.2 cgso=0.3n cgdo=0.3n)
