0/24  dev eth1 
0/8  from 0/16 dev eth2 
