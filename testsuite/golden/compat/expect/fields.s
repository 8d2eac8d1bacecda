10.4.4.0/24 via 192.168.30.102 dev eth1 src 192.168.30.101 metric 10 onlink linkdown rt_offload mark 5 realms 3/5 uid 1000 
10.5.5.0/24 dev eth2 dead pervasive offload mark 0x12c realm 7 
