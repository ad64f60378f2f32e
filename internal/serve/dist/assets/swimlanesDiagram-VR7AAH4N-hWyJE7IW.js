import{c as e,s as r}from"./flowDiagram-HODETNUW-D-OJOUfy.js";import{_ as a}from"./index-Bqfz8owy.js";import"./chunk-5VM5RSS4-5SvRufF9.js";import"./chunk-XXDRQBXY-B85mEbmS.js";import"./chunk-POPQ4Y6H-CipdGR7r.js";import"./chunk-F27PBJKO-CNVO-H34.js";import"./channel-HCKlUMBW.js";var o=a(t=>`${r(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,"getStyles"),s=o,f=e({defaultLayout:"swimlane",styles:s});export{f as diagram};
