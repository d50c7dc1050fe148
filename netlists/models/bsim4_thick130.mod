* BSIM4 (ngspice level=54, BSIM 4.8) cards for generic 130 nm-node thick-oxide (5 V) devices run near threshold,
* written for CircuitNeuro from the BSIM4.8 manual defaults (UC Berkeley BSIM group) plus the few documented
* parameters below; the seed's ultra-low-leakage PDK (seed 000 L1458) is not public. Not a foundry card.
*  TOXE 12.5 nm: 5 V gate oxide (ITRS-era thick oxide 12-14 nm);
*  VTH0 +-0.6 V: seed's "threshold voltages ... around 0.6 V";
*  U0 0.040 / 0.013 m^2/Vs: long-channel mu_eff ~ 400 / 130 cm^2/Vs, i.e. KP = U0*eps_ox/TOXE = 110u / 36u A/V^2,
*    the same KP as ekv_thick130.mod; VSAT 8e4 / 6e4 m/s (manual default 8e4);
*  K1 0.6 / 0.5 (= EKV GAMMA), K2 = 0, NDEP 1e17 cm^-3, XJ 0.2 um;
*  K3 = 0 and LPE0 = 0: the manual defaults (80, 1.74e-7 m) were tuned for thin oxide and would add ~0.19 V of
*    narrow-width and ~0.09 V of halo threshold shift at TOXE = 12.5 nm, W = 2 um, L = 0.5 um;
*  KT1 -0.36 V: dVth/dT = KT1/Tnom = -1.2 mV/K, the EKV card's TCV; UTE -1.5 / -1.2 (= EKV BEX);
*  RDSW 300 / 600 ohm*um; CGSO = CGDO = 0.3 nF/m (same overlap as the EKV card).
* Check: at W/L = 2u/0.5u, V_GS = V_DS = 1.2 V ngspice reports vth = 0.593 V, I_D = 60 uA (EKV card: 57 uA).
.model nthick nmos (level=54 version=4.8 toxe=12.5n vth0=0.6 u0=0.040 vsat=8e4 k1=0.6 k2=0 k3=0 lpe0=0 xj=0.2u ndep=1e17 rdsw=300 kt1=-0.36 ute=-1.5 cgso=0.3n cgdo=0.3n)
.model pthick pmos (level=54 version=4.8 toxe=12.5n vth0=-0.6 u0=0.013 vsat=6e4 k1=0.5 k2=0 k3=0 lpe0=0 xj=0.2u ndep=1e17 rdsw=600 kt1=-0.36 ute=-1.2 cgso=0.3n cgdo=0.3n)
