10.4.4.0/24 dev eth1 mtu lock 1400 window 10 rtt 1s rttvar 100ms features ecn 0x11 rto_min 30ms initrwnd 1 quickack 7 congctl cubic 
10.5.5.0/24 dev eth1 rtt 10ms reordering 3 hoplimit 64 features 0x5dc 
