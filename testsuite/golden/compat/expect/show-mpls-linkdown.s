100 as to 110 via inet 192.168.40.102 dev eth2 linkdown 
