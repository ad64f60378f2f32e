import{a6 as o,a7 as n}from"./index-CE5N1pRn.js";const t=(a,r)=>o.lang.round(n.parse(a)[r]);export{t as c};
