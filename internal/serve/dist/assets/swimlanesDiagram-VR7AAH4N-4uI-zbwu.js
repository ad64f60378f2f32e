import{c as e,s as r}from"./flowDiagram-HODETNUW-G0g6X8lA.js";import{_ as a}from"./index-CE5N1pRn.js";import"./chunk-5VM5RSS4-BKfOcCGU.js";import"./chunk-XXDRQBXY-BdFx0ehk.js";import"./chunk-POPQ4Y6H-X6ADdh4M.js";import"./chunk-F27PBJKO-BWzKfvnM.js";import"./channel-BPpJQVR8.js";var o=a(t=>`${r(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,"getStyles"),s=o,f=e({defaultLayout:"swimlane",styles:s});export{f as diagram};
