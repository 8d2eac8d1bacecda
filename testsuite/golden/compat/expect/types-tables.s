unreachable 10.9.9.0/24 tos 0x10 table 1000 proto static scope host 
local 10.9.9.1 from 10.1.0.0/16 dev eth1 table 100 proto babel scope link iif veth0-host 
broadcast default via 192.168.40.102 dev eth2 table local scope host 
