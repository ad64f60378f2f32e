import{c as e,s as r}from"./flowDiagram-HODETNUW-BWNHr5Cj.js";import{_ as a}from"./index-CHF2AgO7.js";import"./chunk-5VM5RSS4-Cgl9Wzwn.js";import"./chunk-XXDRQBXY-LSUGWy2W.js";import"./chunk-POPQ4Y6H-j-z6mNeQ.js";import"./chunk-F27PBJKO-DFPb2ldA.js";import"./channel-C3ScKpcH.js";var o=a(t=>`${r(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,"getStyles"),s=o,f=e({defaultLayout:"swimlane",styles:s});export{f as diagram};
