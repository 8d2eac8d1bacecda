100 as to 200 via inet 192.168.30.102 dev eth1 ttl-propogate enabled
101 via inet 192.168.40.102 dev eth2 ttl-propogate disabled
102 via inet 192.168.40.102 dev eth2 
