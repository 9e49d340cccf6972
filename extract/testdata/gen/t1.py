from g import *
# T2: html-requests-rowspan: 2019 requests table, three label columns with rowspans, distinct values.
labels = {
"new_received": [("一、本年新收政府信息公开申请数量",1,3)],
"carried_over": [("二、上年结转政府信息公开申请数量",1,3)],
"granted": [("三、本年度办理结果",22,1), ("（一）予以公开",1,2)],
"partially_granted": [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",1,2)],
"denied_state_secret": [("（三）不予公开",8,1), "1.属于国家秘密"],
"denied_law_prohibited": ["2.其他法律行政法规禁止公开"],
"denied_security_stability": ["3.危及“三安全一稳定”"],
"denied_third_party": ["4.保护第三方合法权益"],
"denied_internal_affairs": ["5.属于三类内部事务信息"],
"denied_process_info": ["6.属于四类过程性信息"],
"denied_enforcement_file": ["7.属于行政执法案卷"],
"denied_inquiry": ["8.属于行政查询事项"],
"unavailable_not_held": [("（四）无法提供",3,1), "1.本机关不掌握相关政府信息"],
"unavailable_needs_creation": ["2.没有现成信息需要另行制作"],
"unavailable_unclear": ["3.补正后申请内容仍不明确"],
"not_processed_complaint": [("（五）不予处理",5,1), "1.信访举报投诉类申请"],
"not_processed_repeat": ["2.重复申请"],
"not_processed_publication": ["3.要求提供公开出版物"],
"not_processed_excessive": ["4.无正当理由大量反复申请"],
"not_processed_confirmation": ["5.要求行政机关确认或重新出具已获取信息"],
"other_handling": [("（六）其他处理",1,2)],
"total_handled": [("（七）总计",1,2)],
"carried_forward": [("四、结转下年度继续办理",1,3)],
}
rows = [[("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",3,3),("申请人情况",1,7)],
        [("自然人",2,1),("法人或其他组织",1,5),("总计",2,1)],
        ["商业企业","科研机构","社会公益组织","法律服务机构","其他"]]
exp=[]
for i,(code,lab) in enumerate(labels.items()):
    v=distinct(i+1)
    rows.append(lab+v); exp.append((code,v))
doc = html_doc("某某区教育局2019年政府信息公开工作年度报告", ["<p>三、收到和处理政府信息公开申请情况</p>", html_table(rows)])
write("html-requests-rowspan","input.html",doc,{"requests":reqexp(exp)})

# T3: md-requests-renumbered: numbering variants, some unnumbered, two label columns, 2019 labels.
labs = [
("new_received",["(一)本年新收政府信息公开申请数量",""]),
("carried_over",["(二)上年结转政府信息公开申请数量",""]),
("granted",["(三)本年度办理结果","(-)予以公开"]),
("partially_granted",["","(二)部分公开"]),
("denied_state_secret",["不予公开","（1）属于国家秘密"]),
("denied_law_prohibited",["","（2）其他法律行政法规禁止公开"]),
("denied_security_stability",["","（3）危及三安全一稳定"]),
("denied_third_party",["","（4）保护第三方合法权益"]),
("denied_internal_affairs",["","（5）属于三类内部事务信息"]),
("denied_process_info",["","（6）属于四类过程性信息"]),
("denied_enforcement_file",["","（7）属于行政执法案卷"]),
("denied_inquiry",["","（8）属于行政查询事项"]),
("unavailable_not_held",["四、无法提供","1、本机关不掌握相关政府信息"]),
("unavailable_needs_creation",["","2、没有现成信息需要另行制作"]),
("unavailable_unclear",["","3、补正后申请内容仍不明确"]),
("not_processed_complaint",["五、不予处理","1. 信访举报投诉类申请"]),
("not_processed_repeat",["","2. 重复申请"]),
("not_processed_publication",["","3. 要求提供公开出版物"]),
("not_processed_excessive",["","4. 无正当理由大量反复申请"]),
("not_processed_confirmation",["","5. 要求行政机关确认或重新出具已获取信息"]),
("other_handling",["六、其他处理",""]),
("total_handled",["七、总计",""]),
("carried_forward",["(四)结转下年度继续办理",""]),
]
rows=[["","","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]]
exp=[]
for i,(code,lab) in enumerate(labs):
    v=distinct(i+3); rows.append(lab+v); exp.append((code,v))
md = "# 某某镇2020年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n" + md_table(rows)
write("md-requests-renumbered","input.md",md,{"requests":reqexp(exp)})
