from g import *
import json, os
def W(case, name, text, exp):
    d=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout", case)
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}","w").write(text)
    json.dump(exp, open(f"{d}/expected.json","w"), ensure_ascii=False, indent=1)
G=["review","suit_direct","suit_after_review"]; O=["upheld","corrected","other","pending","total"]
def rexp(vals): return {f"{g}_{o}": vals[i*5+j] for i,g in enumerate(G) for j,o in enumerate(O)}
T="\t"
def row(*c): return T.join(str(x) for x in c)
LAB=["一、本年新收政府信息公开申请数量","二、上年结转政府信息公开申请数量","三、本年度办理结果\t（一）予以公开","\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
 "\t（三）不予公开\t1.属于国家秘密","\t\t2.其他法律行政法规禁止公开","\t\t3.危及“三安全一稳定”","\t\t4.保护第三方合法权益","\t\t5.属于三类内部事务信息","\t\t6.属于四类过程性信息","\t\t7.属于行政执法案卷","\t\t8.属于行政查询事项",
 "\t（四）无法提供\t1.本机关不掌握相关政府信息","\t\t2.没有现成信息需要另行制作","\t\t3.补正后申请内容仍不明确",
 "\t（五）不予处理\t1.信访举报投诉类申请","\t\t2.重复申请","\t\t3.要求提供公开出版物","\t\t4.无正当理由大量反复申请","\t\t5.要求行政机关确认或重新出具已获取信息",
 "\t（六）其他处理","\t（七）总计","四、结转下年度继续办理"]
C19=[c for c in RCODES if not c.startswith("other_") or c=="other_handling"]
# C3: OCR text whose requests table is broken by two page breaks with a page number and a running header between.
vals={}
L=["某某区人民政府办公室2019年政府信息公开工作年度报告","","三、收到和处理政府信息公开申请情况","",
 row("","","","申请人情况"),row("","","","自然人","法人或其他组织","","","","","总计"),row("","","","","商业企业","科研机构","社会公益组织","法律服务机构","其他","")]
for i,(lab,code) in enumerate(zip(LAB,C19)):
    v=[(i*7)%5, i%2, 0, 0, (i%3==0)*1, 0]; v=v+[sum(v)]
    vals[code]=v
    parts=lab.split("\t")
    while len(parts)<3: parts.append("")
    L.append(row(*parts,*v))
    if i==9:
        L+=["","- 5 -","","某某区人民政府办公室",""]
    if i==17:
        L+=["","— 6 —",""]
L+=["","四、政府信息公开行政复议、行政诉讼情况",""]
W("txt-2019-page-breaks","input.txt","\n".join(L)+"\n",{"template":"2019","requests":{c:dict(zip(COLS,v)) for c,v in vals.items()}})

# C6: text laid out with ideographic spaces (one U+3000 between columns) and ASCII runs.
S="\u3000"
L=["某某县水利局2021年政府信息公开工作年度报告","","二、主动公开政府信息情况",
 "第二十条第（一）项",
 S.join(["信息内容","本年制发件数","本年废止件数","现行有效件数"]),
 S.join(["规章","0","0","0"]),S.join(["行政规范性文件","1","0","8"]),
 "第二十条第（五）项",S.join(["信息内容","本年处理决定数量"]),S.join(["行政许可","164"]),
 "第二十条第（六）项",S.join(["信息内容","本年处理决定数量"]),S.join(["行政处罚","21"]),S.join(["行政强制","1"]),
 "第二十条第（八）项",S.join(["信息内容","本年收费金额（万元）"]),S.join(["行政事业性收费","86.4"]),
 "","四、政府信息公开行政复议、行政诉讼情况",
 S.join(["行政复议","","","","","行政诉讼"]),
 "结果维持"+S+"结果纠正"+S+"其他结果"+S+"尚未审结"+S+"总计",
 S.join(["1","0","0","0","1","0","0","0","0","0","0","0","0","0","0"]),
 "","五、存在的主要问题及改进情况","无。"]
W("txt-2021-ideographic-spaces","input.txt","\n".join(L)+"\n",{"template":"2021",
 "proactive":{"regulations":{"issued":0,"repealed":0,"in_force":0},"normative_docs":{"issued":1,"repealed":0,"in_force":8},
  "licensing":{"decisions":164},"penalty":{"decisions":21},"coercion":{"decisions":1},"admin_fees":{"amount_10k_yuan":86.4}},
 "review_litigation":rexp([1,0,0,0,1]+[0]*10)})

# C10: 2019 proactive with a reworded row label, a dropped row (admin_fees), a dash for the procurement amount, and 规范性文件 as 行政规范性文件.
P=[[("第二十条第（一）项",1,4)],["信息内容","本年新制作数量","本年新公开数量","对外公开总数量"],
 ["规章","0","0","0"],["行政规范性文件","6","6","72"],
 [("第二十条第（五）项",1,4)],["信息内容","上一年项目数量","本年增/减","处理决定数量"],
 ["行政许可","210","-12","198"],["其他对外管理服务事项（行政确认、行政给付等）","14","+2","16"],
 [("第二十条第（六）项",1,4)],["信息内容","上一年项目数量","本年增/减","处理决定数量"],
 ["行政处罚","95","+5","100"],["行政强制","8","0","8"],
 [("第二十条第（九）项",1,4)],["信息内容","采购项目数量",("采购总金额",1,2)],
 ["政府集中采购","0",("—",1,2)]]
doc=html_doc("某某区城市管理局2019年政府信息公开工作年度报告",["<p>二、主动公开政府信息情况</p>",html_table(P)])
W("html-2019-proactive-reworded","input.html",doc,{"template":"2019","proactive":{
 "regulations":{"new_made":0,"new_published":0,"total_published":0},"normative_docs":{"new_made":6,"new_published":6,"total_published":72},
 "licensing":{"prev_items":210,"change":-12,"decisions":198},"other_mgmt_services":{"prev_items":14,"change":2,"decisions":16},
 "penalty":{"prev_items":95,"change":5,"decisions":100},"coercion":{"prev_items":8,"change":0,"decisions":8},
 "central_procurement":{"projects":0,"amount_10k_yuan":None}}})
