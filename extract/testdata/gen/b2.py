from g import *
import json, os
def W(case, name, text, exp):
    d=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout", case)
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}","w").write(text)
    json.dump(exp, open(f"{d}/expected.json","w"), ensure_ascii=False, indent=1)
G=["review","suit_direct","suit_after_review"]; O=["upheld","corrected","other","pending","total"]
def rexp(vals): return {f"{g}_{o}": vals[i*5+j] for i,g in enumerate(G) for j,o in enumerate(O)}
# B3: text, year 2020 in the title, labels silent about the template (no proactive headers), requests 2019 with 其他处理.
T="\t"
def row(*c): return T.join(str(x) for x in c)
R=[("new_received","本年新收政府信息公开申请数量",[14,2,0,0,0,1,17]),
 ("carried_over","上年结转政府信息公开申请数量",[0,0,0,0,0,0,0]),
 ("granted","予以公开",[6,1,0,0,0,0,7]),
 ("partially_granted","部分公开",[2,0,0,0,0,0,2]),
 ("denied_state_secret","不予公开：属于国家秘密",[0,0,0,0,0,0,0]),
 ("denied_law_prohibited","不予公开：其他法律行政法规禁止公开",[0,0,0,0,0,0,0]),
 ("denied_security_stability","不予公开：危及“三安全一稳定”",[0,0,0,0,0,0,0]),
 ("denied_third_party","不予公开：保护第三方合法权益",[1,0,0,0,0,0,1]),
 ("denied_internal_affairs","不予公开：属于三类内部事务信息",[0,0,0,0,0,0,0]),
 ("denied_process_info","不予公开：属于四类过程性信息",[0,0,0,0,0,0,0]),
 ("denied_enforcement_file","不予公开：属于行政执法案卷",[0,0,0,0,0,0,0]),
 ("denied_inquiry","不予公开：属于行政查询事项",[0,1,0,0,0,0,1]),
 ("unavailable_not_held","无法提供：本机关不掌握相关政府信息",[3,0,0,0,0,1,4]),
 ("unavailable_needs_creation","无法提供：没有现成信息需要另行制作",[0,0,0,0,0,0,0]),
 ("unavailable_unclear","无法提供：补正后申请内容仍不明确",[1,0,0,0,0,0,1]),
 ("not_processed_complaint","不予处理：信访举报投诉类申请",[1,0,0,0,0,0,1]),
 ("not_processed_repeat","不予处理：重复申请",[0,0,0,0,0,0,0]),
 ("not_processed_publication","不予处理：要求提供公开出版物",[0,0,0,0,0,0,0]),
 ("not_processed_excessive","不予处理：无正当理由大量反复申请",[0,0,0,0,0,0,0]),
 ("not_processed_confirmation","不予处理：要求行政机关确认或重新出具已获取信息",[0,0,0,0,0,0,0]),
 ("other_handling","其他处理",[1,0,0,0,0,0,1]),
 ("total_handled","总计",[14,2,0,0,0,1,17]),
 ("carried_forward","结转下年度继续办理",[0,0,0,0,0,0,0])]
L=["某某镇人民政府2020年政府信息公开工作年度报告","","一、总体情况","2020年本镇政府信息公开工作稳步推进。","",
"三、收到和处理政府信息公开申请情况",
row("申请情况","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计")]
for code,lab,v in R: L.append(row(lab,*v))
L+=["","四、政府信息公开行政复议、行政诉讼情况",
row("类别","结果维持","结果纠正","其他结果","尚未审结","总计"),
row("行政复议",0,0,0,0,0),row("行政诉讼（未经复议直接起诉）",1,0,0,0,1),row("行政诉讼（复议后起诉）",0,0,0,0,0),
"","五、存在的主要问题及改进情况","无。","","某某镇人民政府","2021年1月25日"]
W("txt-2020-silent-labels","input.txt","\n".join(L)+"\n",{"template":"2019","year":2020,
 "requests":{code:dict(zip(COLS,v)) for code,_,v in R},"review_litigation":rexp([0,0,0,0,0,1,0,0,0,1,0,0,0,0,0])})

# B4: DOCX-like HTML: <br> inside label cells, 合计 for 总计, a value cell spanning two grid columns, review headers with 合计.
def td(t,rs=1,cs=1):
    a=""
    if rs>1: a+=f' rowspan="{rs}"'
    if cs>1: a+=f' colspan="{cs}"'
    return f"<td{a}><p>{t}</p></td>"
def tr(*c): return "<tr>"+"".join(c)+"</tr>"
h=['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>',
 '<p align=center><b>某某县财政局2023年政府信息公开工作年度报告</b></p>','<p>一、总体情况</p><p>略。</p>','<p>二、主动公开政府信息情况</p><table>',
 tr(td("第二十条第（一）项",1,4)),tr(td("信息内容"),td("本年<br>制发件数"),td("本年<br>废止件数"),td("现行<br>有效件数")),
 tr(td("规章"),td("0"),td("0"),td("0")),tr(td("行政规范<br>性文件"),td("5"),td("1"),td("44")),
 tr(td("第二十条第（五）项",1,4)),tr(td("信息内容"),td("本年处理决定数量",1,3)),tr(td("行政许可"),td("0",1,3)),
 tr(td("第二十条第（六）项",1,4)),tr(td("信息内容"),td("本年处理决定数量",1,3)),tr(td("行政处罚"),td("3",1,3)),tr(td("行政强制"),td("0",1,3)),
 tr(td("第二十条第（八）项",1,4)),tr(td("信息内容"),td("本年收费金额（万元）",1,3)),tr(td("行政事业性<br>收费"),td("1,520.45",1,3)),
 '</table><p>三、收到和处理政府信息公开申请情况</p><table>',
 tr(td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",3,3),td("申请人情况",1,7)),
 tr(td("自然人",2),td("法人或其他组织",1,5),td("合计",2)),
 tr(td("商业<br>企业"),td("科研<br>机构"),td("社会公益<br>组织"),td("法律服务<br>机构"),td("其他"))]
rows=[("new_received",[td("一、本年新收政府信息<br>公开申请数量",1,3)],[7,0,0,0,0,0,7]),
 ("carried_over",[td("二、上年结转政府信息<br>公开申请数量",1,3)],[0,0,0,0,0,0,0]),
 ("granted",[td("三、本<br>年<br>度<br>办<br>理<br>结<br>果",23),td("（一）予以公开",1,2)],[3,0,0,0,0,0,3]),
 ("partially_granted",[td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",1,2)],[0,0,0,0,0,0,0]),
 ("denied_state_secret",[td("（三）<br>不予<br>公开",8),td("1.属于国家<br>秘密")],[0,0,0,0,0,0,0]),
 ("denied_law_prohibited",[td("2.其他法律行政<br>法规禁止公开")],[0,0,0,0,0,0,0]),
 ("denied_security_stability",[td("3.危及“三安全<br>一稳定”")],[0,0,0,0,0,0,0]),
 ("denied_third_party",[td("4.保护第三方<br>合法权益")],[0,0,0,0,0,0,0]),
 ("denied_internal_affairs",[td("5.属于三类内部<br>事务信息")],[1,0,0,0,0,0,1]),
 ("denied_process_info",[td("6.属于四类过程<br>性信息")],[0,0,0,0,0,0,0]),
 ("denied_enforcement_file",[td("7.属于行政执法<br>案卷")],[0,0,0,0,0,0,0]),
 ("denied_inquiry",[td("8.属于行政查询<br>事项")],[0,0,0,0,0,0,0]),
 ("unavailable_not_held",[td("（四）<br>无法<br>提供",3),td("1.本机关不掌握<br>相关政府信息")],[2,0,0,0,0,0,2]),
 ("unavailable_needs_creation",[td("2.没有现成信息<br>需要另行制作")],[0,0,0,0,0,0,0]),
 ("unavailable_unclear",[td("3.补正后申请内<br>容仍不明确")],[0,0,0,0,0,0,0]),
 ("not_processed_complaint",[td("（五）<br>不予<br>处理",5),td("1.信访举报投诉<br>类申请")],[0,0,0,0,0,0,0]),
 ("not_processed_repeat",[td("2.重复申请")],[0,0,0,0,0,0,0]),
 ("not_processed_publication",[td("3.要求提供公开<br>出版物")],[0,0,0,0,0,0,0]),
 ("not_processed_excessive",[td("4.无正当理由大<br>量反复申请")],[0,0,0,0,0,0,0]),
 ("not_processed_confirmation",[td("5.要求行政机关<br>确认或重新出具<br>已获取信息")],[0,0,0,0,0,0,0]),
 ("other_overdue_correction",[td("（六）<br>其他<br>处理",3),td("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")],[1,0,0,0,0,0,1]),
 ("other_unpaid_fee",[td("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")],[0,0,0,0,0,0,0]),
 ("other_other",[td("3.其他")],[0,0,0,0,0,0,0]),
 ("total_handled",[td("（七）合计",1,2)],[7,0,0,0,0,0,7]),
 ("carried_forward",[td("四、结转下年度继续办理",1,3)],[0,0,0,0,0,0,0])]
for code,labs,v in rows: h.append(tr(*labs,*[td(str(x)) for x in v]))
h.append('</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>')
h.append(tr(td("行政复议",1,5),td("行政诉讼",1,10)))
h.append(tr(td("结果<br>维持",2),td("结果<br>纠正",2),td("其他<br>结果",2),td("尚未<br>审结",2),td("合计",2),td("未经复议直接起诉",1,5),td("复议后起诉",1,5)))
h.append(tr(*[td(x) for x in ["结果<br>维持","结果<br>纠正","其他<br>结果","尚未<br>审结","合计"]*2]))
V=[1,0,0,0,1,0,0,0,0,0,0,0,0,0,0]
h.append(tr(*[td(str(x)) for x in V]))
h.append('</table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>')
W("html-2023-docx-like","input.html","".join(h),{"template":"2021",
 "proactive":{"regulations":{"issued":0,"repealed":0,"in_force":0},"normative_docs":{"issued":5,"repealed":1,"in_force":44},
  "licensing":{"decisions":0},"penalty":{"decisions":3},"coercion":{"decisions":0},"admin_fees":{"amount_10k_yuan":1520.45}},
 "requests":{code:dict(zip(COLS,v)) for code,_,v in rows},"review_litigation":rexp(V)})
