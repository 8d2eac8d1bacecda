100 as to 110 via inet 192.168.40.102 dev eth2 
200 as to 210 via inet 192.168.30.102 dev eth1 
200 as to 210 via inet 192.168.30.102 dev eth1 
